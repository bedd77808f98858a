package se.utfall.rfi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "A supplier of the last phase awarded the contract, with its value and period")
public record AwardInput(@NotNull UUID participationId, @NotNull @Valid Money value, @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn) {
}
