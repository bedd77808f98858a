package se.utfall.web.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.utfall.web.problem.ProblemException;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: subject, roles and organisation (the {@code org_id} claim, a UUID). Anonymous callers have
 * neither.
 */
@RequestScoped
public class Caller {
    public static final String ORG_CLAIM = "org_id";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** The caller's organisation, if the token carries a well-formed one. */
    public Optional<UUID> organisation() {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(ORG_CLAIM);
            if (claim != null) {
                try {
                    return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The caller's organisation; a token without one cannot act for an organisation (403). */
    public UUID requireOrganisation() {
        return organisation().orElseThrow(() -> new ProblemException(403, "no-organisation", "Forbidden",
                "Your token carries no organisation (claim " + ORG_CLAIM + ")", null));
    }

    /** The caller as an actor of a use case; requires an organisation (403 without one). */
    public Actor actor() {
        return new Actor(subject(), isAdmin() ? organisation().orElse(null) : requireOrganisation(), isAdmin());
    }

    /** The caller's organisation when signed in, or null for anonymous readers. */
    public UUID organisationOrNull() {
        return organisation().orElse(null);
    }
}
