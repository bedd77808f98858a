package se.utfall.rfi.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The answer to one question: text, a number or chosen options, as the question's type asks. A confidential
 * answer is for the buyer only and never leaves in a public view or event.
 */
public record Answer(UUID questionId, String text, BigDecimal number, List<String> choices, boolean confidential) {
    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
