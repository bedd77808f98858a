package se.utfall.web.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A business rule refuses an operation. Thrown by the domain and by use cases, which never build HTTP problems
 * themselves; {@link ProblemMappers} turns it into one problem document with every field problem at once:
 * <ul>
 * <li>{@link Kind#CONFLICT} (409): the state is wrong for the operation (publish a closed challenge);</li>
 * <li>{@link Kind#INVALID} (400): the content contradicts itself (a target date before the baseline date);</li>
 * <li>{@link Kind#INCOMPLETE} (422): the content is consistent but not enough yet (publish without a goal).</li>
 * </ul>
 */
public class RuleViolation extends RuntimeException {
    public enum Kind { CONFLICT, INVALID, INCOMPLETE }

    /** What is wrong with one field, by its path in the request ({@code outcomeGoals[0].targetDate}). */
    public record FieldProblem(String field, String problem) {
    }

    private final Kind kind;
    private final List<FieldProblem> problems;

    public RuleViolation(Kind kind, String message, List<FieldProblem> problems) {
        super(message);
        this.kind = kind;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Collects field problems of one check, to be thrown together. */
    public static final class Problems {
        private final List<FieldProblem> found = new ArrayList<>();

        public Problems add(String field, String problem) {
            found.add(new FieldProblem(field, problem));
            return this;
        }

        public Problems addAll(List<FieldProblem> problems) {
            found.addAll(problems);
            return this;
        }

        public boolean isEmpty() {
            return found.isEmpty();
        }

        public List<FieldProblem> list() {
            return List.copyOf(found);
        }

        /** Throws a violation of this kind carrying every problem found, if there is any. */
        public void throwIfAny(Kind kind, String message) {
            if (!found.isEmpty()) {
                throw new RuleViolation(kind, message, found);
            }
        }
    }
}
