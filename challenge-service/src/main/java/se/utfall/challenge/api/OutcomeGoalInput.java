package se.utfall.challenge.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.challenge.domain.MeasurementFrequency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

@Schema(description = "An outcome goal. Send the id of an existing goal to keep its identity; omit it for a new one.")
public record OutcomeGoalInput(
        UUID id,
        @NotBlank @Size(max = 300) @Schema(examples = "Andel äldre som äter ett lagat mål mat varje "
                + "dag") String indicator,
        @Size(max = 4000) String definition,
        @NotBlank @Size(max = 50) @Schema(examples = "percent") String unit,
        @Digits(integer = 14, fraction = 4) BigDecimal baselineValue,
        LocalDate baselineDate,
        @Size(max = 500) String baselineSource,
        @Digits(integer = 14, fraction = 4) BigDecimal targetValue,
        LocalDate targetDate,
        @Size(max = 2000) String measurementMethod,
        @Size(max = 500) String dataSource,
        MeasurementFrequency frequency,
        @Size(max = 300) String verifier) {
}
