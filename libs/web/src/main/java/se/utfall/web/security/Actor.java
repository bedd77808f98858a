package se.utfall.web.security;

import se.utfall.web.problem.RuleViolation;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The person and organisation behind a request, as the token tells; passed from resources into use cases so the
 * latter stay free of request scope. {@code organisationName} is the display name the token carries
 * ({@code org_name}), or null.
 */
public record Actor(String subject, UUID organisation, boolean admin, String organisationName,
        String personName) {

    public Actor(String subject, UUID organisation, boolean admin) {
        this(subject, organisation, admin, null, null);
    }

    public Actor(String subject, UUID organisation, boolean admin, String organisationName) {
        this(subject, organisation, admin, organisationName, null);
    }

    /** The same organisation and admin flag, as a reader. */
    public Reader asReader() {
        return new Reader(organisation, admin);
    }

    /** Whether {@code org} is the actor's own organisation. Admins are not exempt (contrast {@link #owns}). */
    public boolean isOwnOrganisation(UUID org) {
        return organisation != null && organisation.equals(org);
    }

    /**
     * For what only the organisations themselves may do or see (consent to an invitation, change their own
     * response, score as the buyer): the resource if the actor's organisation is one of {@code parties}; absent,
     * or not the actor's, is 404 either way. Unlike {@link #ownedOrNotFound}, admins are not exempt.
     */
    public <T> T partyOrNotFound(T resource, Function<T, Collection<UUID>> parties, String what) {
        if (resource == null || organisation == null || !parties.apply(resource).contains(organisation)) {
            throw RuleViolation.notFound(what);
        }
        return resource;
    }

    /** Platform admins own everything, for support; everyone else only their organisation's resources. */
    public boolean owns(UUID owner) {
        return admin || owner != null && owner.equals(organisation);
    }

    /**
     * The actor's organisation, for acts that belong to one (creating, registering). Admins may hold a token
     * without one for support; they cannot act for an organisation then (403).
     */
    public UUID requireOrganisation() {
        if (organisation == null) {
            throw noOrganisation();
        }
        return organisation;
    }

    static RuleViolation noOrganisation() {
        return RuleViolation.forbidden("no-organisation",
                "Your token carries no organisation (claim " + Caller.ORG_CLAIM + ")");
    }

    /**
     * The one rule for private resources: absent, or another organisation's, answers 404 — exactly alike, so ids
     * of other organisations' resources cannot be probed.
     */
    public <T> T ownedOrNotFound(T resource, Function<T, UUID> owner, String what) {
        if (resource == null || !owns(owner.apply(resource))) {
            throw RuleViolation.notFound(what);
        }
        return resource;
    }

    /**
     * For a change of a resource others may read: 404 for whoever may not read it (as {@link #ownedOrNotFound}),
     * 403 for a reader who may not change it (a co-buyer or observer of someone else's challenge) — it exists for
     * them, so saying otherwise would be a lie.
     */
    public <T> T ownedOrForbidden(T resource, Function<T, UUID> owner, Function<T, Set<UUID>> readers,
            String what) {
        if (resource != null && !owns(owner.apply(resource)) && organisation != null
                && readers.apply(resource).contains(organisation)) {
            throw RuleViolation.forbidden("forbidden",
                    what + " is owned by another organisation; you may read it but not change it");
        }
        return ownedOrNotFound(resource, owner, what);
    }
}
