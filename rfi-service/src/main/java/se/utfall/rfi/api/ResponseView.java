package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.Answer;
import se.utfall.rfi.domain.ConsortiumMember;
import se.utfall.rfi.domain.ResponseStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "A response, as its organisation or the buyer sees it")
public record ResponseView(UUID id, UUID rfiId, UUID organisationId, String organisationName, ResponseStatus status,
        String summary, List<Answer> answers, List<ConsortiumMember> consortium, Money estimatedAnnualCost,
        CostComparison costComparison, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime submittedAt, OffsetDateTime withdrawnAt, String receiptSha256) {

    @Schema(description = "The estimate against the challenge's cost baseline: is it not more expensive for the"
            + " buyer? Null fields when the baseline or the estimate is missing.")
    public record CostComparison(Money baselinePerYear, Money estimatePerYear, Boolean notMoreExpensive) {
    }
}
