package se.utfall.web.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.SecurityEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this service knows about its identity provider's reachability. Tokens are verified locally with the
 * provider's keys, so a running service keeps working through a provider outage; only a replica that has not yet
 * read the provider's discovery document and keys (started during the outage) needs it, and then answers 503 with
 * {@code Retry-After} instead of a 500. The outage is logged once when it starts and once when it ends.
 */
@ApplicationScoped
public class IdentityProvider {
    private static final Logger LOG = Logger.getLogger(IdentityProvider.class);

    private final Optional<String> authServerUrl;
    private final Duration retryAfter;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();

    public IdentityProvider(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "utfall.oidc.retry-after", defaultValue = "10s") Duration retryAfter) {
        this.authServerUrl = authServerUrl.filter(url -> !url.isBlank());
        this.retryAfter = retryAfter;
    }

    /** The realm URL, when tokens are verified with a provider's keys rather than a configured public key. */
    public Optional<String> url() {
        return authServerUrl;
    }

    /** Seconds a client should wait before retrying a request refused because the provider is away. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    /** When the current outage began, if the provider is known to be unreachable. */
    public Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince.get());
    }

    /** Records that the provider could not be reached; logs only the first time per outage. */
    public void unreachable(String reason) {
        if (unreachableSince.compareAndSet(null, clock.instant())) {
            LOG.warnf("Identity provider %s is unreachable (%s). Tokens are still verified with the keys already"
                    + " read; requests this replica cannot verify are answered 503 with Retry-After until it is back.",
                    authServerUrl.orElse("?"), reason);
        }
    }

    /** Records that the provider answered; logs the end of an outage once. */
    public void reachable() {
        Instant since = unreachableSince.getAndSet(null);
        if (since != null) {
            LOG.infof("Identity provider %s is reachable again after %d s", authServerUrl.orElse("?"),
                    Duration.between(since, clock.instant()).toSeconds());
        }
    }

    void onSecurityEvent(@Observes SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_SERVER_NOT_AVAILABLE) {
            unreachable("discovery failed");
        } else if (event.getEventType() == SecurityEvent.Type.OIDC_SERVER_AVAILABLE) {
            reachable();
        }
    }

    /**
     * Whether an authentication failure means the provider could not be reached (rather than a bad token or a
     * misconfiguration): a connection refused, an unknown host, a timeout, or quarkus-oidc's "not available".
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof TimeoutException
                    || t instanceof ClosedChannelException
                    || t.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")) {
                return true;
            }
            if (t instanceof OIDCException && t.getMessage() != null && t.getMessage().contains("not available")) {
                return true;
            }
        }
        return false;
    }
}
