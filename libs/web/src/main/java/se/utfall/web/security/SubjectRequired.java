package se.utfall.web.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token that names no person ({@code sub}) is refused for every request, reads included (401): what a caller
 * may read and write depends on who they are, and a token Keycloak issued without the {@code basic} scope still
 * carries a client ({@code azp}), a username and roles that would otherwise pass for a person.
 */
@ApplicationScoped
public class SubjectRequired implements SecurityIdentityAugmentor {
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && (jwt.getSubject() == null || jwt.getSubject().isBlank())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The token names no subject (sub)"));
        }
        return Uni.createFrom().item(identity);
    }
}
