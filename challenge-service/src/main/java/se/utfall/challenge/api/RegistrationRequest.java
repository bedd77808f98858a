package se.utfall.challenge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registration of the caller's organisation; both fields are optional. */
public record RegistrationRequest(
        @Size(max = 200) @Schema(description = "Shown to the organiser when your sign-in carries no organisation name;"
                + " the name from your sign-in wins") String organisationName,
        @Min(1) @Max(20) Integer participants) {
}
