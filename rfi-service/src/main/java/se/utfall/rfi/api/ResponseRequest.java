package se.utfall.rfi.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;


import java.util.List;

/** What a respondent writes. Status, owner, receipt and times are the service's; a read body can be sent back. */
@Schema(description = "The content of a response, for create and full update")
@JsonIgnoreProperties({"id", "rfiId", "organisationId", "organisationName", "status", "version", "createdAt",
    "updatedAt", "submittedAt", "withdrawnAt", "receiptSha256", "costComparison", "attachments", "outcome"})
public record ResponseRequest(
        @Size(max = 4000) @Schema(description = "A short public summary (what may be shown beyond the buyer)")
        String summary,
        @Size(max = 50) List<@NotNull @Valid AnswerInput> answers,
        @Size(max = 10) List<@NotNull @Valid MemberInput> consortium,
        @Valid @Schema(description = "What meeting the need would cost the buyer per year") Money estimatedAnnualCost) {
}
