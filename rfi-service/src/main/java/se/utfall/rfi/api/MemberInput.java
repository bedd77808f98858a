package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "A consortium member besides the responding organisation")
public record MemberInput(
        @NotBlank @Size(max = 200) @Schema(examples = "Ramsjö Camping (kök)") String name,
        @Schema(description = "Its Utfall organisation, if it has one") UUID organisationId,
        @NotBlank @Size(max = 500) @Schema(examples = "Lagar maten i campingens kök") String role) {
}
