package se.utfall.web.security;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The identity provider's state, in the health group {@code identity} ({@code /q/health/group/identity} on the
 * management port) and deliberately not in readiness: every replica shares the provider, so taking them all out
 * of the load balancer, or restarting them, would not help — and running replicas verify tokens with keys they
 * already hold. Asks the provider's discovery document with a short timeout on every call.
 */
@HealthGroup("identity")
@ApplicationScoped
public class IdentityProviderHealth implements AsyncHealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final IdentityProvider provider;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public IdentityProviderHealth(IdentityProvider provider) {
        this.provider = provider;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (provider.url().isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.named("Identity provider").up()
                    .withData("verification", "configured public key").build());
        }
        String url = provider.url().get();
        URI discovery = URI.create(url.endsWith("/") ? url + ".well-known/openid-configuration"
                : url + "/.well-known/openid-configuration");
        HttpRequest request = HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> {
                    if (response.statusCode() == 200) {
                        provider.reachable();
                        return respond(url, true, "discovery document 200");
                    }
                    provider.unreachable("discovery answered " + response.statusCode());
                    return respond(url, false, "discovery answered " + response.statusCode());
                })
                .onFailure().recoverWithItem(failure -> {
                    provider.unreachable(failure.getClass().getSimpleName());
                    return respond(url, false, failure.getClass().getSimpleName());
                });
    }

    private HealthCheckResponse respond(String url, boolean up, String detail) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Identity provider").status(up)
                .withData("provider", url).withData("detail", detail);
        provider.unreachableSince().ifPresent(since -> builder.withData("unreachableSince", since.toString()));
        return builder.build();
    }
}
