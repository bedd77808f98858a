package se.utfall.rfi.domain;

import java.util.List;

/**
 * An RFI's questions as stored (one JSON column). A concrete type, not a bare {@code List<Question>}: Hibernate
 * copies JSON values by writing and reading them, and with an erased list type it read them back as maps.
 */
public record QuestionList(List<Question> items) {
    public QuestionList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
