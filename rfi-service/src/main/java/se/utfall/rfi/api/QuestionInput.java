package se.utfall.rfi.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.QuestionType;

import java.util.List;
import java.util.UUID;

@Schema(description = "A question respondents answer. Send a read question back with its id to keep it.")
public record QuestionInput(
        @Schema(description = "Kept when sent back; new questions get one") UUID id,
        @NotBlank @Size(max = 2000) @Schema(examples = "Hur skulle ni organisera leveranserna till Ramsjö?")
        String text,
        @NotNull QuestionType type,
        @Schema(description = "Whether a submission must answer it (default true)") Boolean required,
        @Min(1) @Max(20000) @Schema(description = "TEXT only: the longest answer, in characters") Integer maxLength,
        @Size(max = 30) @Schema(description = "SINGLE_CHOICE and MULTIPLE_CHOICE: the options, at least two")
        List<@NotBlank @Size(max = 200) String> options) {
}
