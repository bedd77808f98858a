package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;
import se.utfall.rfi.domain.Decision;
import se.utfall.rfi.domain.ResponseStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "A response, as its organisation or the buyer sees it")
public record ResponseView(UUID id, UUID rfiId, UUID organisationId, String organisationName, ResponseStatus status,
        String summary, List<AnswerView> answers, List<MemberView> consortium, List<AttachmentView> attachments,
        Money estimatedAnnualCost, CostComparison costComparison, long version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime submittedAt, OffsetDateTime withdrawnAt, String receiptSha256, Outcome outcome) {

    @Schema(description = "The buyer's decision and feedback: for the respondent once the evaluation is completed,"
            + " for the buyer as soon as it is recorded (final once the RFI is EVALUATED)")
    public record Outcome(Decision decision, String feedback, OffsetDateTime decidedAt, boolean finalised) {
    }

    @Schema(description = "The estimate against the challenge's cost baseline: is it not more expensive for the"
            + " buyer? Null fields when the baseline or the estimate is missing.")
    public record CostComparison(Money baselinePerYear, Money estimatePerYear, Boolean notMoreExpensive) {

        public static CostComparison of(Money baseline, Money estimate) {
            Boolean cheaper = baseline == null || estimate == null || !baseline.sameCurrencyAs(estimate)
                    ? null : estimate.compareAmount(baseline) <= 0;
            return new CostComparison(baseline, estimate, cheaper);
        }
    }
}
