package se.utfall.challenge.domain;

import java.util.List;

/**
 * A business rule refuses the operation: the state is wrong for it ({@link Kind#CONFLICT}) or the content is not
 * good enough yet ({@link Kind#INCOMPLETE}, with the fields that are missing).
 */
public class DomainRuleException extends RuntimeException {
    public enum Kind { CONFLICT, INCOMPLETE }

    private final Kind kind;
    private final List<String[]> fields;

    public DomainRuleException(Kind kind, String message, List<String[]> fields) {
        super(message);
        this.kind = kind;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static DomainRuleException conflict(String message) {
        return new DomainRuleException(Kind.CONFLICT, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Pairs of (field path, what is wrong). */
    public List<String[]> fields() {
        return fields;
    }
}
