package se.utfall.messaging.outbox;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;
import java.time.Instant;

/**
 * The relay's health, kept out of readiness on purpose: while Kafka is away the service must keep serving (its
 * changes wait in the outbox), so a broker outage must not take every replica out of the load balancer.
 *
 * <ul>
 *   <li>Liveness: DOWN only when the relay thread died or has not finished a round for {@code stall-timeout}; a
 *       restart helps then.</li>
 *   <li>Group {@code kafka} ({@code /q/health/group/kafka}): broker reachable, backlog, parked events, for
 *       dashboards and alerts (alert on backlog growing for minutes, or parked &gt; 0).</li>
 * </ul>
 */
public final class OutboxHealth {
    private OutboxHealth() {
    }

    @Liveness
    @ApplicationScoped
    public static class RelayAlive implements HealthCheck {
        private final OutboxRelay relay;
        private final OutboxConfig config;

        public RelayAlive(OutboxRelay relay, OutboxConfig config) {
            this.relay = relay;
            this.config = config;
        }

        @Override
        public HealthCheckResponse call() {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("Outbox relay");
            if (!config.relayEnabled()) {
                return b.up().withData("relay", "disabled in this process").build();
            }
            Duration since = Duration.between(relay.lastRound(), Instant.now());
            boolean alive = relay.isRunning() && since.compareTo(config.stallTimeout()) <= 0;
            return b.status(alive).withData("running", relay.isRunning())
                    .withData("lastRoundSecondsAgo", since.toSeconds()).build();
        }
    }

    @HealthGroup("kafka")
    @ApplicationScoped
    public static class Broker implements HealthCheck {
        private final OutboxRelay relay;

        public Broker(OutboxRelay relay) {
            this.relay = relay;
        }

        @Override
        public HealthCheckResponse call() {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("Kafka via the outbox relay")
                    .status(relay.isBrokerReachable() && relay.parked() == 0)
                    .withData("brokerReachable", relay.isBrokerReachable())
                    .withData("pending", relay.pending())
                    .withData("parked", relay.parked());
            relay.lastError().ifPresent(e -> b.withData("lastError", e));
            return b.build();
        }
    }
}
