package se.utfall.rfi.domain;

import java.util.List;

/** A response's answers as stored (one JSON column; a record, see {@link QuestionList}). */
public record AnswerList(List<Answer> items) {
    public AnswerList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
