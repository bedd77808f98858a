package se.utfall.challenge.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A challenge's outcome goals with what independent verifiers validated under outcome contracts (finance-service):
 * per goal its baseline and target and the units verified so far, with each period's result. Aggregates only.
 */
public record GoalResultsView(UUID challengeId, List<Goal> goals) {

    public record Goal(UUID goalId, String indicator, String unit, BigDecimal baselineValue,
            BigDecimal targetValue, BigDecimal verified, List<Result> results) {
    }

    /** A period's verified units under one investment case. */
    public record Result(UUID caseId, String period, BigDecimal units, Instant verifiedAt) {
    }
}
