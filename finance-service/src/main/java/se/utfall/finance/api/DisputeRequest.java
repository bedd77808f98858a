package se.utfall.finance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the verifier disputes a claim; the provider may claim the period again. */
public record DisputeRequest(@NotBlank @Size(max = 2000) String reason) {
}
