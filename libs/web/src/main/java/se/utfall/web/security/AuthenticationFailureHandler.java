package se.utfall.web.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Authentication runs before the REST layer (proactively), so a bad token never reaches the resources; this turns
 * that failure into the same problem document every other error gets: 401 for a token that does not verify, 503
 * with {@code Retry-After} when the token could not be verified because the identity provider is unreachable
 * (the request may be retried as it is).
 */
@ApplicationScoped
public class AuthenticationFailureHandler {
    static final String BODY = "{\"type\":\"https://utfall.se/problems/unauthorized\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"The bearer token is missing, expired, or not issued for this API\"}";
    static final String UNAVAILABLE_SLUG = "https://utfall.se/problems/identity-provider-unavailable";

    private final OidcSettings settings;
    private final IdentityProvider provider;

    public AuthenticationFailureHandler(OidcSettings settings, IdentityProvider provider) {
        this.settings = settings;
        this.provider = provider;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).failureHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure != null && IdentityProvider.isUnreachable(failure)) {
            provider.unreachable(failure.getClass().getSimpleName());
            if (!rc.response().ended()) {
                long seconds = provider.retryAfterSeconds();
                rc.response().setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                        .end("{\"type\":\"" + UNAVAILABLE_SLUG + "\",\"title\":\"Service Unavailable\",\"status\":503,"
                                + "\"detail\":\"The token cannot be verified because the identity provider is not"
                                + " reachable; retry in " + seconds + " seconds\"}");
            }
        } else if (failure instanceof AuthenticationFailedException
                || failure != null && failure.getCause() instanceof AuthenticationFailedException) {
            settings.explainRefusal(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
            if (!rc.response().ended()) {
                rc.response().setStatusCode(401)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .end(BODY);
            }
        } else {
            rc.next();
        }
    }
}
