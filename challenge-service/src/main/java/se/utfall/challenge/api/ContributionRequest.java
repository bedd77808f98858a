package se.utfall.challenge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;


public record ContributionRequest(
        @NotBlank @Size(max = 200) String author,
        @NotBlank @Size(max = 10000) String text) {
}
