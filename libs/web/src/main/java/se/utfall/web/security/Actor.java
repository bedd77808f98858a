package se.utfall.web.security;

import se.utfall.web.problem.ProblemException;

import java.util.UUID;

/**
 * The person and organisation behind a request, as the token tells; passed from resources into use cases so the
 * latter stay free of request scope.
 */
public record Actor(String subject, UUID organisation, boolean admin) {

    /** Platform admins own everything, for support; everyone else only their organisation's resources. */
    public boolean owns(UUID owner) {
        return admin || owner != null && owner.equals(organisation);
    }

    /**
     * The one rule for private resources: absent, or another organisation's, answers 404 — exactly alike, so ids
     * of other organisations' resources cannot be probed.
     */
    public <T> T ownedOrNotFound(T resource, java.util.function.Function<T, UUID> owner, String what) {
        if (resource == null || !owns(owner.apply(resource))) {
            throw ProblemException.notFound(what);
        }
        return resource;
    }
}
