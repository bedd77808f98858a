package se.utfall.web.security;

import se.utfall.web.problem.RuleViolation;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who reads: an organisation (null for anonymous readers) and whether a platform admin. The one rule for reading a
 * resource that becomes public at some point (a published challenge, an opened RFI) lives here, beside
 * {@link Actor#ownedOrNotFound}, so no service decides "visible or 404" by hand.
 */
public record Reader(UUID organisation, boolean admin) {
    public static final Reader ANONYMOUS = new Reader(null, false);

    /**
     * The resource if the reader may see it: when it is public, or the reader's organisation is one of its
     * insiders (owner, co-buyers, observers...), or the reader is an admin. Otherwise — and when absent — 404,
     * exactly alike, so ids of unpublished resources cannot be probed.
     */
    public <T> T visibleOrNotFound(T resource, Predicate<T> isPublic, Function<T, Collection<UUID>> insiders,
            String what) {
        if (resource == null || !(isPublic.test(resource) || isInsider(resource, insiders))) {
            throw RuleViolation.notFound(what);
        }
        return resource;
    }

    /** Whether the reader belongs to the resource's own organisations (or is an admin). */
    public <T> boolean isInsider(T resource, Function<T, Collection<UUID>> insiders) {
        return admin || organisation != null && insiders.apply(resource).contains(organisation);
    }

    /** As {@link #visibleOrNotFound} for a resource that is never public (an invitation, a consortium). */
    public <T> T insiderOrNotFound(T resource, Function<T, Collection<UUID>> insiders, String what) {
        return visibleOrNotFound(resource, x -> false, insiders, what);
    }

    /**
     * The one 404 for a resource whose readers a use case decides by a rule of its own, because one kind of reader
     * needs a lookup (a response's accepted consortium members): absent, or not readable, is 404 either way.
     */
    public static <T> T readableOrNotFound(T resource, boolean readable, String what) {
        if (resource == null || !readable) {
            throw RuleViolation.notFound(what);
        }
        return resource;
    }
}
