package se.utfall.rfi.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "How responses will be evaluated; the weights of an RFI add up to 100")
public record CriterionInput(
        UUID id,
        @NotBlank @Size(max = 200) @Schema(examples = "Lokal förankring") String name,
        @Size(max = 2000) String description,
        @NotNull @Min(1) @Max(100) Integer weight) {
}
