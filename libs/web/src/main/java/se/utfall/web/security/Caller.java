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
    /** The organisation's display name, e.g. "Ljusdals kommun"; shown to others, so never a person's name. */
    public static final String ORG_NAME_CLAIM = "org_name";
    /** A person's display name ("Karin Lund"): the OIDC standard claim, as Keycloak issues it. */
    public static final String PERSON_NAME_CLAIM = "name";
    private static final int MAX_ORG_NAME = 200;

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /**
     * Who acts, for audit trails: the token's {@code sub}, the person's stable id at the identity provider. Not
     * the username (it can change) and never the client ({@code azp}): a token without {@code sub} cannot be
     * attributed to a person and is refused with 401.
     */
    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            String sub = jwt.getSubject();
            if (sub != null && !sub.isBlank()) {
                return sub;
            }
        } else if (principal.getName() != null) {
            return principal.getName();
        }
        throw new ProblemException(401, "unauthorized", "Unauthorized",
                "The token names no subject (sub), so changes could not be attributed to a person", null);
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

    /**
     * The person's display name from the token's {@code name} claim (OIDC standard), trimmed: what others see of
     * an evaluator or an author. Never the subject, which is an identifier, not a name; empty when the token has
     * none (a frontend then shows "a colleague").
     */
    public Optional<String> personName() {
        return claimText(PERSON_NAME_CLAIM);
    }

    /** The organisation's display name from the token, trimmed; empty when the token has none. */
    public Optional<String> organisationName() {
        return claimText(ORG_NAME_CLAIM);
    }

    /** A text claim, trimmed and at most {@value #MAX_ORG_NAME} characters; empty when absent or blank. */
    private Optional<String> claimText(String claim) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(claim) != null) {
            String name = jwt.getClaim(claim).toString().strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
                name = name.substring(1, name.length() - 1).strip();
            }
            return name.isEmpty() ? Optional.empty()
                    : Optional.of(name.length() > MAX_ORG_NAME ? name.substring(0, MAX_ORG_NAME) : name);
        }
        return Optional.empty();
    }

    /** The caller's organisation; a token without one cannot act for an organisation (403). */
    public UUID requireOrganisation() {
        return organisation().orElseThrow(Actor::noOrganisation);
    }

    /** The caller as an actor of a use case; requires an organisation (403 without one). */
    public Actor actor() {
        return new Actor(subject(), isAdmin() ? organisation().orElse(null) : requireOrganisation(), isAdmin(),
                organisationName().orElse(null), personName().orElse(null));
    }

    /** The caller as a reader: organisation (if any) and admin flag. */
    public Reader reader() {
        return identity.isAnonymous() ? Reader.ANONYMOUS : new Reader(organisation().orElse(null), isAdmin());
    }

    /** The caller's organisation when signed in, or null for anonymous readers. */
    public UUID organisationOrNull() {
        return organisation().orElse(null);
    }
}
