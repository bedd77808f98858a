package se.utfall.web.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A business rule refuses an operation. Thrown by the domain and by use cases, which never build HTTP problems
 * themselves; {@link ProblemMappers} turns it into one problem document with every field problem at once:
 * <ul>
 * <li>{@link Kind#CONFLICT} (409): the state is wrong for the operation (publish a closed challenge);</li>
 * <li>{@link Kind#INVALID} (400): the content contradicts itself (a target date before the baseline date);</li>
 * <li>{@link Kind#INCOMPLETE} (422): the content is consistent but not enough yet (publish without a goal);</li>
 * <li>{@link Kind#NOT_YET_KNOWN} (409, {@code Retry-After}): what the request refers to is learnt from another
 * service's events and has not arrived here yet (an RFI on a challenge published a moment ago): asking again soon
 * may succeed, unlike for an invalid request;</li>
 * <li>{@link Kind#TOO_MANY} (429, {@code Retry-After}): the caller's organisation reached a configured limit of
 * what it may create (clarification questions per RFI, say).</li>
 * </ul>
 */
public class RuleViolation extends RuntimeException {
    public enum Kind { CONFLICT, INVALID, INCOMPLETE, NOT_YET_KNOWN, TOO_MANY }

    /** What is wrong with one field, by its path in the request ({@code outcomeGoals[0].targetDate}). */
    public record FieldProblem(String field, String problem) {
    }

    private final Kind kind;
    private final List<FieldProblem> problems;
    private final long retryAfterSeconds;

    public RuleViolation(Kind kind, String message, List<FieldProblem> problems) {
        this(kind, message, problems, 0);
    }

    private RuleViolation(Kind kind, String message, List<FieldProblem> problems, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, message, null);
    }

    /** What {@code field} refers to may arrive from another service's events within about {@code seconds}. */
    public static RuleViolation notYetKnown(String message, String field, String problem, long seconds) {
        return new RuleViolation(Kind.NOT_YET_KNOWN, message, List.of(new FieldProblem(field, problem)),
                Math.max(1, seconds));
    }

    /** A limit of the caller's organisation was reached; the oldest counted creation leaves it in {@code seconds}. */
    public static RuleViolation tooMany(String message, long seconds) {
        return new RuleViolation(Kind.TOO_MANY, message, null, Math.max(1, seconds));
    }

    /** Seconds after which asking again may succeed ({@link Kind#NOT_YET_KNOWN}, {@link Kind#TOO_MANY}); else 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
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
