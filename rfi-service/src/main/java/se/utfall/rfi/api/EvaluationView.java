package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;
import se.utfall.rfi.domain.Decision;
import se.utfall.rfi.domain.RfiStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "For the buying organisation: the submitted responses side by side, highest weighted total"
        + " first. An evaluator's total is Σ weight × score / 5 (0–100) once they scored every criterion; the"
        + " weighted total is the mean of those.")
public record EvaluationView(UUID rfiId, RfiStatus status, int scoreMin, int scoreMax, List<CriterionRef> criteria,
        Money baselinePerYear, List<Row> responses, OffsetDateTime evaluatedAt) {

    public record CriterionRef(UUID id, String name, int weight) {
    }

    @Schema(description = "One submitted response under evaluation")
    public record Row(UUID responseId, UUID organisationId, String organisationName, String summary,
            List<MemberView> consortium, Money estimatedAnnualCost,
            ResponseView.CostComparison costComparison, BigDecimal weightedTotal, List<EvaluatorTotal> evaluators,
            List<CriterionScores> criteria, Decision decision, String feedback, OffsetDateTime decidedAt,
            long version) {
    }

    public record EvaluatorTotal(
            @Schema(description = "An identifier of the evaluator (the token's subject), not for display")
            String evaluator,
            @Schema(description = "The evaluator's name, for display; null when their token carried none")
            String evaluatorName,
            BigDecimal total,
            @Schema(description = "Whether this evaluator scored every criterion (only then the total counts)")
            boolean complete) {
    }

    public record CriterionScores(UUID criterionId, String name, int weight, BigDecimal mean,
            List<ScoreView> scores) {
    }

    public record ScoreView(
            @Schema(description = "An identifier of the evaluator, not for display") String evaluator,
            @Schema(description = "The evaluator's name, for display") String evaluatorName,
            int score, String comment, OffsetDateTime scoredAt) {
    }
}
