package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.Decision;

@Schema(description = "The buyer's decision on a response, with the feedback its organisation will read once the"
        + " evaluation is completed")
public record DecisionRequest(@NotNull Decision decision,
        @NotBlank @Size(max = 20000) String feedback) {
}
