package se.utfall.rfi.domain;

import java.util.List;

/** An RFI's evaluation criteria as stored (one JSON column); see {@link QuestionList} for why a record. */
public record CriterionList(List<Criterion> items) {
    public CriterionList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
