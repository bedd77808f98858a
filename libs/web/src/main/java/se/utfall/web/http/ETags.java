package se.utfall.web.http;

import se.utfall.web.problem.ProblemException;

/**
 * Strong ETags from an entity's optimistic-lock version, and the If-Match check that turns a stale write into 412
 * instead of a lost update.
 */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Requires If-Match on updates: a missing header is 428, a stale one 412. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send If-Match with the ETag you read, so concurrent edits cannot overwrite each other");
        }
        checkMatch(ifMatch, currentVersion);
    }

    /** Checks If-Match only when the client sent one. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("The resource has changed since you read it (current ETag "
                + current + "); read it again and reapply your change");
    }
}
