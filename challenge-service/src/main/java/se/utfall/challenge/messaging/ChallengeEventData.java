package se.utfall.challenge.messaging;

import se.utfall.money.Money;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.InsightSource;
import se.utfall.challenge.domain.InsightVisibility;
import se.utfall.challenge.domain.MeasurementFrequency;
import se.utfall.challenge.domain.Phase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of every {@code se.utfall.challenge.*} event (event-carried state): the challenge as the public sees it,
 * whoever caused the event. Its own type, not the REST view, because what a REST caller sees depends on who reads;
 * an event must not. Part of the released v1 contract (libs/events catalogue, {@code additionalProperties: false}):
 * add fields only with the schema, never remove or rename.
 */
public record ChallengeEventData(
        UUID id,
        UUID ownerOrgId,
        String ownerOrgName,
        List<String> coBuyerOrgIds,
        List<String> observerOrgIds,
        String title,
        String summary,
        String problemStatement,
        String targetGroup,
        String locality,
        String municipalityCode,
        String municipalityName,
        List<String> sectors,
        List<String> cpvCodes,
        List<String> sdgTargets,
        Money budget,
        Baseline baseline,
        List<Goal> outcomeGoals,
        List<Insight> needInsights,
        List<PhaseDates> processTrail,
        ChallengeStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant closedAt,
        Instant archivedAt) {


    public record Baseline(String description, Money unitCost, String unit, String period, BigDecimal volumePerPeriod,
            Money costPerPeriod) {
    }

    public record Goal(UUID id, String indicator, String definition, String unit, BigDecimal baselineValue,
            LocalDate baselineDate, String baselineSource, BigDecimal targetValue, LocalDate targetDate,
            String measurementMethod, String dataSource, MeasurementFrequency frequency, String verifier) {
    }

    /** Only public insights are ever in an event. */
    public record Insight(UUID id, InsightSource source, String text, LocalDate observedOn,
            InsightVisibility visibility) {
    }

    public record PhaseDates(Phase phase, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
            LocalDate actualEnd) {
    }
}
