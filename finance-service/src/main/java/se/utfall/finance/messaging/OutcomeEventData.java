package se.utfall.finance.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code se.utfall.outcome.verified.v1} (schema outcome-result.v1, public): the units an independent
 * verifier validated per outcome goal for a period, and the goal's verified units so far, so a partner and
 * challenge-service can show a goal's result against its baseline and target. Not published when the payer keeps
 * results PRIVATE.
 */
public record OutcomeEventData(UUID claimId, UUID caseId, UUID challengeId, String period, List<Result> results,
        Instant verifiedAt) {

    public record Result(UUID goalId, BigDecimal units, BigDecimal cumulativeUnits) {
    }
}
