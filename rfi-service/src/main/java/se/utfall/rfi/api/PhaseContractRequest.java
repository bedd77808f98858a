package se.utfall.rfi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A supplier's contract for one phase: the phase's contracts together stay within its budget")
public record PhaseContractRequest(@NotNull UUID participationId, @NotNull @Valid Money value,
        @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
}
