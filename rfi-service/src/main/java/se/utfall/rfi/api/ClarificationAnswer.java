package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The buyer's answer, and the question as it will be published (rephrase it so the asker is not recognised). */
public record ClarificationAnswer(
        @Size(max = 4000) @Schema(description = "The question as published; the asked text when left out")
        String question,
        @NotBlank @Size(max = 20000) String answer) {
}
