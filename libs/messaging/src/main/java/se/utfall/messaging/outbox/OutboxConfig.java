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
    @WithDefault("1000")
    int batchSize();

    /** Fallback poll when no NOTIFY arrives (e.g. the LISTEN connection was lost). */
    @WithDefault("10s")
    Duration pollInterval();

    /** First back-off after a failure; doubled per failure up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /** Check every payload against its JSON Schema before it is written; a producer bug then fails the request. */
    @WithDefault("true")
    boolean validatePayloads();

    /**
     * Largest event payload {@code append} accepts, in bytes of UTF-8 JSON. Must stay below the producer's
     * {@code max.request.size} (1 MiB by default) minus headers, and the broker's {@code message.max.bytes}.
     */
    @WithDefault("900000")
    int maxPayloadBytes();

    /** Rounds in which a row's topic is missing from the broker before the row is parked. */
    @WithDefault("5")
    int unknownTopicAttempts();

    /** How long published rows are kept (for audit and replay by hand) before the relay deletes them. */
    @WithDefault("7d")
    Duration retention();

    /** The relay is reported DOWN (liveness) when it has not finished a round for this long. */
    @WithDefault("2m")
    Duration stallTimeout();

    /** How often the backlog and parked gauges are refreshed and retention purges run. */
    @WithDefault("10s")
    Duration housekeepingInterval();

    /**
     * Extra Kafka producer properties (e.g. {@code compression.type}, security settings). The properties that
     * ordering and durability depend on (acks, idempotence, in-flight requests, serializers) cannot be overridden.
     */
    Map<String, String> producer();
}
