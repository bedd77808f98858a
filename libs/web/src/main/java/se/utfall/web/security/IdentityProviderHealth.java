package se.utfall.web.security;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The identity provider's state, in the health group {@code identity} ({@code /q/health/group/identity} on the
 * management port) and deliberately not in readiness: every replica shares the provider, so taking them all out
 * of the load balancer, or restarting them, would not help — and running replicas verify tokens with keys they
 * already hold. Asks the provider's discovery document on every call (2 s timeout).
 */
@HealthGroup("identity")
@ApplicationScoped
public class IdentityProviderHealth implements AsyncHealthCheck {
    private final IdentityProvider provider;

    public IdentityProviderHealth(IdentityProvider provider) {
        this.provider = provider;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (provider.url().isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.named("Identity provider").up()
                    .withData("verification", "configured public key").build());
        }
        return Uni.createFrom().completionStage(provider::probe).map(problem -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("Identity provider")
                    .status(problem.isEmpty()).withData("provider", provider.url().get());
            problem.ifPresent(p -> builder.withData("problem", p));
            provider.unreachableSince().ifPresent(since -> builder.withData("unreachableSince", since.toString()));
            return builder.build();
        });
    }
}
