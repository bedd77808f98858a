package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.util.List;
import java.util.UUID;

/** Opens an investment case for a shortlisted response. */
public record CaseRequest(
        @NotNull @Schema(description = "A response the buyer shortlisted") UUID responseId,
        @NotNull @Valid @Schema(description = "Capital sought up front") Money capitalRequired,
        @Min(1) @Max(240) @Schema(description = "How long the solution is delivered, in months", examples = "48")
        int durationMonths,
        @Size(max = 50) @Schema(description = "The challenge's outcome goals the case is paid by; all when empty")
        List<@NotNull UUID> outcomeGoalIds) {
}
