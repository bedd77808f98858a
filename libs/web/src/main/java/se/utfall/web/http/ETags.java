package se.utfall.web.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.problem.ProblemException;
import se.utfall.web.problem.RuleViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Strong ETags from an entity's optimistic-lock version, and the If-Match check that turns a stale write into 412
 * instead of a lost update.
 */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return of(Long.toString(version));
    }

    /** A strong ETag from a tag value (digits and dots here: {@code 3} or {@code 3.1}). */
    public static String of(String value) {
        return "\"" + value + "\"";
    }

    /**
     * Requires If-Match on every change: missing is 428; {@code *} and weak tags are not accepted (RFC 9110 asks
     * for the strong comparison on If-Match, and {@code *} would defeat the lost-update check) and a stale tag is
     * 412.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        requireMatch(ifMatch, Long.toString(currentVersion));
    }

    /** As {@link #requireMatch(String, long)} for a representation tagged by more than one version. */
    public static void requireMatch(String ifMatch, String currentValue) {
        try {
            ifMatch(ifMatch).require(currentValue);
        } catch (RuleViolation v) {
            throw v.kind() == RuleViolation.Kind.STALE ? ProblemException.preconditionFailed(v.getMessage())
                    : ProblemException.preconditionRequired(v.getMessage());
        }
    }

    /**
     * The If-Match header as a {@link Precondition} for the use case, which checks it inside its transaction after
     * deciding whether the caller may see the resource at all: never refuses here, so an unknown id stays 404.
     */
    public static Precondition ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Precondition.absent();
        }
        List<String> tags = new ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return Precondition.of(tags);
    }

    /**
     * Whether a read's If-None-Match names the current version (weak comparison, as RFC 9110 asks for
     * If-None-Match; {@code *} matches any existing resource): then the client's copy is current and the answer is
     * 304 without a body.
     */
    public static boolean notModified(String ifNoneMatch, long currentVersion) {
        return notModified(ifNoneMatch, Long.toString(currentVersion));
    }

    public static boolean notModified(String ifNoneMatch, String currentValue) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = of(currentValue);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How a read may be cached: anonymous readers see only public content, which shared caches may keep but must
     * revalidate (with If-None-Match, cheap); what a signed-in reader sees may be theirs alone.
     */
    public static String cacheControl(boolean anonymous) {
        return anonymous ? "public, no-cache" : "private, no-cache";
    }

    /** The ETag as JAX-RS wants it (unquoted value, strong). */
    public static EntityTag entityTag(long version) {
        return entityTag(Long.toString(version));
    }

    public static EntityTag entityTag(String value) {
        return new EntityTag(value);
    }

    /**
     * The answer to a read of a versioned resource: 304 when the client's copy (If-None-Match) is current, else
     * 200 with the body; both with the ETag, the cache rule for the reader ({@link #cacheControl}) and
     * {@code Vary: Authorization}, since what a signed-in reader sees may differ.
     */
    public static Response conditionalRead(Object body, long version, String ifNoneMatch, boolean anonymous) {
        return conditionalRead(body, Long.toString(version), ifNoneMatch, anonymous);
    }

    public static Response conditionalRead(Object body, String tag, String ifNoneMatch, boolean anonymous) {
        Response.ResponseBuilder answer = notModified(ifNoneMatch, tag) ? Response.notModified(entityTag(tag))
                : Response.ok(body).tag(entityTag(tag));
        return answer.header(HttpHeaders.CACHE_CONTROL, cacheControl(anonymous))
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }
}
