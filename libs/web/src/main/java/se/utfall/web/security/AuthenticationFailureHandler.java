package se.utfall.web.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Authentication runs before the REST layer (proactively), so a bad token never reaches the resources; this turns
 * that failure into the same problem document every other error gets.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {
    private final OidcSettings settings;

    public AuthenticationFailureHandler(OidcSettings settings) {
        this.settings = settings;
    }

    static final String BODY = "{\"type\":\"https://utfall.se/problems/unauthorized\",\"title\":\"Unauthorized\","
            + "\"status\":401,\"detail\":\"The bearer token is missing, expired, or not issued for this API\"}";

    void register(@Observes Router router) {
        router.route().order(-1000).failureHandler(rc -> {
            Throwable failure = rc.failure();
            if (failure instanceof AuthenticationFailedException
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
        });
    }
}
