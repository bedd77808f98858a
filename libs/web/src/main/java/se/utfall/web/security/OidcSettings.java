package se.utfall.web.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * Token verification must be pinned to one issuer and one audience; a service that cannot verify tokens must not
 * start, and one that refuses every real token must say why. Checks the settings at start (a missing
 * {@code OIDC_ISSUER} stops the start with a message naming the variable) and, when a token is refused, logs an
 * issuer or audience mismatch with the expected and the actual value — at most once a minute per kind, never
 * the token itself.
 */
@ApplicationScoped
public class OidcSettings {
    private static final Logger LOG = Logger.getLogger(OidcSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final Optional<String> authServerUrl;
    private final Optional<String> publicKey;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    public OidcSettings(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.public-key") Optional<String> publicKey,
            @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<String> audience) {
        this.authServerUrl = authServerUrl;
        this.publicKey = publicKey;
        this.issuer = issuer;
        this.audience = audience;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(authServerUrl, publicKey, issuer, audience);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Token verification is not configured: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the settings; empty when tokens can be verified and are pinned. */
    public static List<String> problems(Optional<String> authServerUrl, Optional<String> publicKey,
            Optional<String> issuer, Optional<String> audience) {
        List<String> problems = new ArrayList<>();
        if (blank(authServerUrl) && blank(publicKey)) {
            problems.add("set OIDC_AUTH_SERVER_URL to the realm URL of the identity provider"
                    + " (e.g. https://keycloak.example.org/realms/utfall)");
        }
        if (blank(issuer)) {
            problems.add("set OIDC_ISSUER to the exact iss of the provider's tokens; it contains the host name"
                    + " clients use to reach the provider (http://localhost:8080/... and http://127.0.0.1:8080/..."
                    + " are different issuers), so pin the provider's hostname");
        }
        if (blank(audience)) {
            problems.add("set OIDC_AUDIENCE (utfall-api)");
        }
        return problems;
    }

    /**
     * Why a refused bearer token does not fit this service's pinning, if it is an issuer or audience mismatch:
     * read from the token's payload without trusting it, for the log only.
     */
    public static Optional<String> mismatch(String authorization, Optional<String> expectedIssuer,
            Optional<String> expectedAudience) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
        String iss = payload.path("iss").isTextual() ? printable(payload.path("iss").asText()) : null;
        if (expectedIssuer.isPresent() && iss != null && !expectedIssuer.get().equals(iss)) {
            return Optional.of("issuer: expected " + expectedIssuer.get() + ", the token has " + iss
                    + " (OIDC_ISSUER; is the provider reached under another host name?)");
        }
        JsonNode aud = payload.path("aud");
        if (expectedAudience.isPresent() && !aud.isMissingNode()) {
            boolean found = aud.isArray() ? StreamSupport.stream(aud.spliterator(), false)
                    .anyMatch(a -> expectedAudience.get().equals(a.asText()))
                    : expectedAudience.get().equals(aud.asText());
            if (!found) {
                return Optional.of("audience: expected " + expectedAudience.get() + ", the token has "
                        + printable(aud.toString())
                        + " (OIDC_AUDIENCE, or the client's audience mapper)");
            }
        }
        return Optional.empty();
    }

    /** Logs a refused token's issuer or audience mismatch, at most once a minute per kind. */
    void explainRefusal(String authorization) {
        mismatch(authorization, issuer, audience).ifPresent(reason -> {
            String kind = reason.substring(0, reason.indexOf(':'));
            Instant now = Instant.now();
            Instant last = lastLogged.get(kind);
            if (last == null || Duration.between(last, now).compareTo(LOG_EVERY) >= 0) {
                lastLogged.put(kind, now);
                LOG.warnf("Refused a bearer token for its %s", reason);
            }
        });
    }

    /** An unverified value from a token, fit for one log line: no control characters, at most 200 characters. */
    static String printable(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    private static boolean blank(Optional<String> value) {
        return value.isEmpty() || value.get().isBlank();
    }
}
