package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.QuestionType;

import java.util.List;
import java.util.UUID;

/** One question of an RFI, in the order respondents see them. */
@Schema(name = "Question")
public record QuestionView(UUID id, String text, QuestionType type, boolean required, Integer maxLength,
        List<String> options) {
}
