package se.utfall.finance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.finance.domain.TerminationTrigger;

import java.time.LocalDate;

/** An early termination: its trigger (which names the compensation in the terms), why, and from when. */
public record TerminationRequest(@NotNull TerminationTrigger trigger, @NotBlank @Size(max = 2000) String reason,
        @NotNull @Schema(description = "The contract's last day: not before today (Europe/Stockholm)")
        LocalDate effectiveOn) {
}
