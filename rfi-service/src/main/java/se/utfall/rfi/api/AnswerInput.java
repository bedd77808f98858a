package se.utfall.rfi.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Schema(description = "The answer to one question: text, number or choices, as the question's type asks")
public record AnswerInput(
        @NotNull UUID questionId,
        @Size(max = 20000) String text,
        @Digits(integer = 15, fraction = 4) BigDecimal number,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> choices,
        @Schema(description = "For the buyer only: never in public views or events") Boolean confidential) {
}
