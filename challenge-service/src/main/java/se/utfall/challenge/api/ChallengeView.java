package se.utfall.challenge.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
 * A challenge as clients and partners see it. The same shape is the data of every {@code se.utfall.challenge.*}
 * event (event-carried state), so its fields are part of the v1 event contract: add, never remove or rename.
 */
@Schema(description = "A challenge with its outcome goals, need insights and process trail")
public record ChallengeView(
        UUID id,
        UUID ownerOrgId,
        @Schema(description = "The owning organisation's name, when its sign-in gave one", examples = "Ljusdals kommun")
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
        List<PhaseView> processTrail,
        ChallengeStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant closedAt,
        Instant archivedAt) {

    @Schema(description = "Today's way of meeting the need, with its cost per period derived from unit cost × volume")
    public record Baseline(String description, Money unitCost, String unit, String period, BigDecimal volumePerPeriod,
            Money costPerPeriod) {
    }

    public record Goal(UUID id, String indicator, String definition, String unit, BigDecimal baselineValue,
            LocalDate baselineDate, String baselineSource, BigDecimal targetValue, LocalDate targetDate,
            String measurementMethod, String dataSource, MeasurementFrequency frequency, String verifier) {
    }

    public record Insight(UUID id, InsightSource source, String text, LocalDate observedOn,
            InsightVisibility visibility) {
    }

    public record PhaseView(Phase phase, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
            LocalDate actualEnd) {
    }
}
