package se.utfall.web.concurrency;

import se.utfall.web.problem.RuleViolation;

import java.util.List;

/**
 * The version a change was based on: the tags a client sent in {@code If-Match}, read by the resource
 * ({@code ETags.ifMatch}) and checked by the use case against the current version inside its transaction, after
 * it decided whether the caller may see and change the resource at all (so an unknown id stays 404, not 428).
 * A use case never reads HTTP headers:
 * <ul>
 * <li>no If-Match, or only {@code *} and weak tags: {@link RuleViolation.Kind#UNCONDITIONAL} (428) — RFC 9110
 * asks for the strong comparison, and {@code *} would defeat the lost-update check;</li>
 * <li>strong tags none of which is current: {@link RuleViolation.Kind#STALE} (412).</li>
 * </ul>
 */
public final class Precondition {
    private static final Precondition ABSENT = new Precondition(List.of());
    private final List<String> sent;
    private final List<String> strong;

    private Precondition(List<String> sent) {
        this.sent = List.copyOf(sent);
        this.strong = this.sent.stream().filter(t -> !t.equals("*") && !t.startsWith("W/")).toList();
    }

    /** No If-Match was sent: fine for a first write (scores, feedback, a profile), refused for a change. */
    public static Precondition absent() {
        return ABSENT;
    }

    /** The tags as sent ({@code "3"}, {@code W/"3"}, {@code *}), each trimmed. */
    public static Precondition of(List<String> sentTags) {
        return sentTags.isEmpty() ? ABSENT : new Precondition(sentTags);
    }

    public boolean isAbsent() {
        return sent.isEmpty();
    }

    /** Whether the client named a version (anything but {@code *}): wrong for a resource that does not exist yet. */
    public boolean namesAVersion() {
        return sent.stream().anyMatch(t -> !t.equals("*"));
    }

    /** Refuses the change unless the client read {@code currentVersion}. */
    public void require(long currentVersion) {
        require(Long.toString(currentVersion));
    }

    /** As {@link #require(long)} for a representation tagged by a value other than one version (a hash, say). */
    public void require(String currentValue) {
        String current = "\"" + currentValue + "\"";
        if (isAbsent()) {
            throw RuleViolation.unconditional(
                    "Send If-Match with the ETag you read, so concurrent edits cannot overwrite each other");
        }
        if (strong.isEmpty()) {
            throw RuleViolation.unconditional("If-Match needs the strong ETag you read (e.g. " + current
                    + "); * and weak tags cannot protect against lost updates");
        }
        if (!strong.contains(current)) {
            throw RuleViolation.stale("The resource has changed since you read it (current ETag " + current
                    + "); read it again and reapply your change");
        }
    }

    @Override
    public String toString() {
        return String.join(", ", sent);
    }
}
