package se.utfall.challenge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a workshop is cancelled: announced publicly with the cancellation, so no personal details. */
public record WorkshopCancellation(
        @NotBlank @Size(max = 2000) @Schema(examples = "Bygdegården är stängd för reparation; ny tid kommer")
        String reason) {
}
