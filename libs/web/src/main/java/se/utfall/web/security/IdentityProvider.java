package se.utfall.web.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this service knows about its identity provider's reachability. Tokens are verified locally with the
 * provider's keys, so a running service keeps working through a provider outage; only a replica that has not yet
 * read the provider's discovery document and keys (started during the outage) needs it, and then answers 503 with
 * {@code Retry-After} instead of a 500. The outage is logged once when it starts and once when it ends: while it
 * lasts, the discovery document is asked every {@code utfall.oidc.retry-after} until it answers.
 */
@ApplicationScoped
public class IdentityProvider {
    private static final Logger LOG = Logger.getLogger(IdentityProvider.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Optional<String> authServerUrl;
    private final Duration retryAfter;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();
    private final AtomicBoolean recovering = new AtomicBoolean();
    private volatile boolean stopped;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public IdentityProvider(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            IdentityConfig config) {
        this.authServerUrl = authServerUrl.filter(url -> !url.isBlank());
        this.retryAfter = config.retryAfter();
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

    /**
     * Records that the provider could not be reached; logs only the first time per outage and keeps asking the
     * provider until it answers.
     */
    public void unreachable(String reason) {
        if (unreachableSince.compareAndSet(null, clock.instant())) {
            LOG.warnf("Identity provider %s is unreachable (%s). Tokens are still verified with the keys already"
                    + " read; requests this replica cannot verify are answered 503 with Retry-After until it is back.",
                    authServerUrl.orElse("?"), reason);
        }
        recoverInBackground();
    }

    /** Records that the provider answered; logs the end of an outage once. */
    public void reachable() {
        Instant since = unreachableSince.getAndSet(null);
        if (since != null) {
            LOG.infof("Identity provider %s is reachable again after %d s", authServerUrl.orElse("?"),
                    Duration.between(since, clock.instant()).toSeconds());
        }
    }

    /**
     * Asks the provider's discovery document (2 s timeout) and records the answer: empty when it served it, else
     * why not. A host that answers with another status is reachable but misconfigured: the reason says so.
     */
    public CompletionStage<Optional<String>> probe() {
        if (authServerUrl.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String url = authServerUrl.get();
        URI discovery = URI.create((url.endsWith("/") ? url : url + "/") + ".well-known/openid-configuration");
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(PROBE_TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    Optional<String> problem;
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        problem = Optional.of(cause.getClass().getSimpleName());
                    } else if (response.statusCode() != 200) {
                        problem = Optional.of("the discovery document answered " + response.statusCode()
                                + "; is OIDC_AUTH_SERVER_URL the realm's URL?");
                    } else {
                        problem = Optional.empty();
                    }
                    problem.ifPresentOrElse(this::unreachable, this::reachable);
                    return problem;
                });
    }

    private void recoverInBackground() {
        if (authServerUrl.isEmpty() || stopped || !recovering.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(retryAfter.toMillis(),
                TimeUnit.MILLISECONDS)).thenCompose(x -> {
                    recovering.set(false);
                    return stopped ? CompletableFuture.completedFuture(Optional.<String>empty()) : probe();
                });
    }

    void onSecurityEvent(@Observes SecurityEvent event) {
        if (event.getEventType() == SecurityEvent.Type.OIDC_SERVER_NOT_AVAILABLE) {
            unreachable("its discovery document could not be read");
        } else if (event.getEventType() == SecurityEvent.Type.OIDC_SERVER_AVAILABLE) {
            reachable();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
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
