package se.utfall.challenge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Registration of the caller's organisation; both fields are optional. */
public record RegistrationRequest(
        @Size(max = 200) String organisationName,
        @Min(1) @Max(20) Integer participants) {
}
