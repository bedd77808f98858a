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
 * what it may create (clarification questions per RFI, say);</li>
 * <li>{@link Kind#NOT_FOUND} (404): absent, or not the caller's to see — alike, so ids cannot be probed;</li>
 * <li>{@link Kind#FORBIDDEN} (403): the caller sees it but may not do this;</li>
 * <li>{@link Kind#STALE} (412): the version the caller read (a {@code Precondition}) is no longer current;
 * {@link Kind#UNCONDITIONAL} (428): a change of something that exists came without the version it was based on;</li>
 * <li>{@link Kind#TOO_LARGE} (413) and {@link Kind#UNSUPPORTED_TYPE} (415): content refused for its size or type.</li>
 * </ul>
 * A violation may name its own problem type ({@link #as}), e.g. {@code rfi-closed}, so clients can tell cases apart.
 */
public class RuleViolation extends RuntimeException {
    public enum Kind {
        CONFLICT, INVALID, INCOMPLETE, NOT_YET_KNOWN, TOO_MANY, NOT_FOUND, FORBIDDEN, STALE, UNCONDITIONAL,
        TOO_LARGE, UNSUPPORTED_TYPE
    }

    /** What is wrong with one field, by its path in the request ({@code outcomeGoals[0].targetDate}). */
    public record FieldProblem(String field, String problem) {
    }

    private final Kind kind;
    private final List<FieldProblem> problems;
    private final long retryAfterSeconds;
    private final String type;
    private final String title;

    public RuleViolation(Kind kind, String message, List<FieldProblem> problems) {
        this(kind, message, problems, 0, null, null);
    }

    private RuleViolation(Kind kind, String message, List<FieldProblem> problems, long retryAfterSeconds,
            String type, String title) {
        super(message);
        this.kind = kind;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        this.retryAfterSeconds = retryAfterSeconds;
        this.type = type;
        this.title = title;
    }

    /** The same violation under its own problem type (a slug such as {@code rfi-closed}) and title. */
    public RuleViolation as(String type, String title) {
        return new RuleViolation(kind, getMessage(), problems, retryAfterSeconds, type, title);
    }

    /** The problem type's slug this violation names, or null for its kind's. */
    public String type() {
        return type;
    }

    /** The problem title this violation names, or null for its kind's. */
    public String title() {
        return title;
    }

    /** {@code what} is absent or not the caller's to see ("Challenge 5f… does not exist or is not visible"). */
    public static RuleViolation notFound(String what) {
        return new RuleViolation(Kind.NOT_FOUND, what + " does not exist or is not visible to you", null);
    }

    /** The caller may see it but not do this; {@code type} names the reason ({@code not-a-buyer}). */
    public static RuleViolation forbidden(String type, String message) {
        return new RuleViolation(Kind.FORBIDDEN, message, null, 0, type, "Forbidden");
    }

    /** The version the caller's change was based on is no longer current. */
    public static RuleViolation stale(String message) {
        return new RuleViolation(Kind.STALE, message, null);
    }

    /** A change of something that exists came without If-Match. */
    public static RuleViolation unconditional(String message) {
        return new RuleViolation(Kind.UNCONDITIONAL, message, null);
    }

    public static RuleViolation tooLarge(String type, String message) {
        return new RuleViolation(Kind.TOO_LARGE, message, null, 0, type, "Content Too Large");
    }

    public static RuleViolation unsupportedType(String type, String message, List<FieldProblem> problems) {
        return new RuleViolation(Kind.UNSUPPORTED_TYPE, message, problems, 0, type, "Unsupported Media Type");
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, message, null);
    }

    /** What {@code field} refers to may arrive from another service's events within about {@code seconds}. */
    public static RuleViolation notYetKnown(String message, String field, String problem, long seconds) {
        return new RuleViolation(Kind.NOT_YET_KNOWN, message, List.of(new FieldProblem(field, problem)),
                Math.max(1, seconds), null, null);
    }

    /** A limit of the caller's organisation was reached; the oldest counted creation leaves it in {@code seconds}. */
    public static RuleViolation tooMany(String message, long seconds) {
        return new RuleViolation(Kind.TOO_MANY, message, null, Math.max(1, seconds), null, null);
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
