package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an RFI is cancelled: public once it was published. */
public record CancellationRequest(
        @NotBlank @Size(max = 2000) @Schema(examples = "Behovet möts inom ett annat upphandlat avtal") String reason) {
}
