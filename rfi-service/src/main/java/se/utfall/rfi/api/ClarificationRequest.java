package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question about an RFI, asked privately. */
public record ClarificationRequest(
        @NotBlank @Size(max = 4000) @Schema(examples = "Får en förening och ett företag svara tillsammans?")
        String question) {
}
