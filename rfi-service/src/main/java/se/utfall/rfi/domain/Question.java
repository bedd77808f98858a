package se.utfall.rfi.domain;

import java.util.List;
import java.util.UUID;

/** One question of an RFI, in the order respondents see them. Stored as JSON with the RFI. */
public record Question(UUID id, String text, QuestionType type, boolean required, Integer maxLength,
        List<String> options) {
    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
