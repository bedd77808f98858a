package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "An invitation to join your response's consortium; the organisation becomes a member only"
        + " when it accepts")
public record InvitationRequest(
        @NotNull @Schema(description = "The invited organisation's Utfall id") UUID organisationId,
        @NotBlank @Size(max = 200) @Schema(examples = "Ramsjö Camping (kök)") String name,
        @NotBlank @Size(max = 500) @Schema(examples = "Lagar maten i campingens kök") String role) {
}
