package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A variation of a contract: the whole new terms, from when they apply, and why. */
public record VariationRequest(
        @NotNull @Schema(description = "The first day the new terms apply (Europe/Stockholm): not before today and"
                + " after the last day of every period claimed so far") LocalDate effectiveFrom,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Valid @Schema(description = "The new terms in full; the verifier stays the same") ContractRequest
        terms) {
}
