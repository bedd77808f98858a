package se.utfall.rfi.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "Your score of a response on one criterion of the RFI")
public record ScoreInput(
        @NotNull UUID criterionId,
        @NotNull @Min(0) @Max(5) @Schema(description = "0 (not at all) to 5 (fully)", minimum = "0", maximum = "5")
        Integer score,
        @Size(max = 4000) String comment) {
}
