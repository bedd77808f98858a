package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.GateOutcome;
import se.utfall.rfi.domain.ParticipationStatus;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A supplier in a phase. Its lead and accepted members read it (the outcome and feedback once the gate is
 * decided); the buyer and co-buyers read every supplier's, with the scores.
 */
@Schema(name = "Participation", description = "A supplier in a phase of a procurement")
public record ParticipationView(UUID id, UUID procurementId, int phase, String phaseName, UUID responseId,
        UUID organisationId, String organisationName, List<MemberView> consortium, ParticipationStatus status,
        OffsetDateTime invitedAt, OffsetDateTime answeredAt, String deliverable, OffsetDateTime deliveredAt,
        GateOutcome outcome, String feedback,
        @Schema(description = "Buyers only: the weighted total (0-100) over the evaluators who scored every"
                + " criterion") BigDecimal weightedTotal,
        @Schema(description = "Buyers only") List<EvaluationView.CriterionScores> scores, long version) {
}
