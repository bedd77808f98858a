package se.utfall.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "utfall.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service emits, e.g. {@code /utfall/challenge-service}. */
    String source();

    /** Run the relay in this process. Every replica may run it; row locks keep them from stepping on each other. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows taken per relay round. */
    @WithDefault("200")
    int batchSize();

    /** Fallback poll when no NOTIFY arrives (e.g. the LISTEN connection was lost). */
    @WithDefault("10s")
    Duration pollInterval();

    /** First back-off after Kafka refused or timed out; doubled per failure up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** Check every payload against its JSON Schema before it is written; a producer bug then fails the request. */
    @WithDefault("true")
    boolean validatePayloads();

    /** How long published rows are kept (for audit and replay by hand) before the relay deletes them. */
    @WithDefault("7d")
    Duration retention();

    /** Extra Kafka producer properties, on top of the safe defaults (acks=all, idempotence). */
    Map<String, String> producer();
}
