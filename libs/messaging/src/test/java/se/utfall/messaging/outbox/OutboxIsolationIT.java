package se.utfall.messaging.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.assertj.core.api.Assertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;
import se.utfall.testing.Kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One bad event never stops the others, and one aggregate's events keep their order however they are written. */
@QuarkusTest
class OutboxIsolationIT {
    private static final String TOPIC = "utfall.relaytest.v1";

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    OutboxConfig config;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String insert(String topic, String aggregate, String payload) {
        String eventId = UUID.randomUUID().toString();
        Db.execute("INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, source, subject, occurred_at,"
                + " payload) VALUES (?::uuid, ?, ?, 'se.utfall.test.happened.v1', '/test', ?, now(), ?)",
                eventId, topic, aggregate, "tests/" + aggregate, payload);
        return eventId;
    }

    private static Map<String, Object> row(String eventId) {
        return Db.rows("SELECT sent_at, parked_at, last_error FROM outbox_event WHERE event_id = ?::uuid", eventId)
                .get(0);
    }

    @Test
    void anEventTooLargeForTheBrokerIsParkedItsAggregateWaitsAndEveryOtherAggregateFlowsAtOnce() {
        String poisoned = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (EventTopic topic = EventTopic.from(TOPIC)) {
            String tooLarge = insert(TOPIC, poisoned, "{\"blob\": \"" + "x".repeat(1_200_000) + "\"}");
            String behind = insert(TOPIC, poisoned, "{\"n\": 2}");
            Instant start = Instant.now();
            String next = insert(TOPIC, other, "{\"n\": 1}");
            topic.await(1, EventTopic.about(other), Duration.ofSeconds(10));
            assertThat(Duration.between(start, Instant.now())).as("the healthy aggregate did not wait")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(row(next).get("sent_at")).isNotNull();

            await().atMost(Duration.ofSeconds(10)).until(() -> row(tooLarge).get("parked_at") != null);
            assertThat((String) row(tooLarge).get("last_error")).contains("RecordTooLarge");
            await("its aggregate waits behind it").atMost(Duration.ofSeconds(10))
                    .until(() -> row(behind).get("parked_at") != null);
            assertThat(row(behind).get("sent_at")).isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.parked() >= 2);

            // Only the event that caused the parking can be skipped, not one waiting behind it.
            Assertions.assertThatThrownBy(() -> Db.rows("SELECT utfall_outbox_skip(?::uuid)", behind))
                    .hasStackTraceContaining("not the parked head");
            // The operator gives up on the oversized event: the rest of the aggregate goes out, in order.
            Db.rows("SELECT utfall_outbox_skip(?::uuid)", tooLarge);
            List<EventTopic.Event> events = topic.await(1, EventTopic.about(poisoned), Duration.ofSeconds(15));
            assertThat(events).extracting(EventTopic.Event::id).containsExactly(behind);
            assertThat((String) row(tooLarge).get("last_error")).startsWith("skipped by an operator");
        }
    }

    /** Rows handed to the broker before a refused one are acknowledged and marked sent: never published twice. */
    @Test
    void eventsBeforeARefusedOneArePublishedExactlyOnce() {
        String aggregate = UUID.randomUUID().toString();
        try (EventTopic topic = EventTopic.from(TOPIC)) {
            String first = insert(TOPIC, aggregate, "{\"n\": 1}");
            String second = insert(TOPIC, aggregate, "{\"n\": 2}");
            String tooLarge = insert(TOPIC, aggregate, "{\"blob\": \"" + "y".repeat(1_200_000) + "\"}");
            await().atMost(Duration.ofSeconds(10)).until(() -> row(tooLarge).get("parked_at") != null);
            assertThat(topic.collect(EventTopic.about(aggregate), Duration.ofSeconds(4)))
                    .extracting(EventTopic.Event::id).containsExactly(first, second);
            assertThat(row(first).get("sent_at")).isNotNull();
            assertThat(row(second).get("sent_at")).isNotNull();
            Db.rows("SELECT utfall_outbox_skip(?::uuid)", tooLarge);
        }
    }

    @Test
    void anEventForAMissingTopicIsParkedAfterItsAttemptsAndRetriedOnceTheTopicExists() {
        String missingTopic = "utfall.notyet" + System.nanoTime() + ".v1";
        String lonely = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        try (EventTopic topic = EventTopic.from(TOPIC)) {
            String waiting = insert(missingTopic, lonely, "{\"n\": 1}");
            insert(TOPIC, other, "{\"n\": 1}");
            topic.await(1, EventTopic.about(other), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(30)).until(() -> row(waiting).get("parked_at") != null);
            assertThat((String) row(waiting).get("last_error")).contains("does not exist");

            Kafka.createTopics(kafka, List.of(missingTopic), 1);
            Db.rows("SELECT utfall_outbox_retry(?)", lonely);
            try (EventTopic created = EventTopic.fromBeginning(missingTopic)) {
                assertThat(created.await(1, EventTopic.about(lonely), Duration.ofSeconds(30)))
                        .extracting(EventTopic.Event::id).containsExactly(waiting);
            }
        }
    }

    @Test
    void appendsToOneAggregateFromTwoTransactionsArePublishedInCommitOrderByTwoReplicas() throws Throwable {
        String workshop = UUID.randomUUID().toString();
        OutboxRelay second = new OutboxRelay(config, dataSource, jdbcUrl, user, password, kafka,
                new SimpleMeterRegistry());
        second.start();
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            // The first transaction appends, then keeps working for two seconds before it commits.
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
                try {
                    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                            outbox.append(EventTypes.WORKSHOP_SCHEDULED, workshop, "tests/" + workshop,
                                    workshopData(workshop, "first"))
                                    .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                            "SELECT CAST(pg_sleep(2) AS text)").getSingleResult()))));
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            // The second appends to the same aggregate meanwhile, without touching any row of it.
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    outbox.append(EventTypes.WORKSHOP_SCHEDULED, workshop, "tests/" + workshop,
                            workshopData(workshop, "second"))));
            slow.get();
            List<EventTopic.Event> events = topic.await(2, EventTopic.about(workshop), Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.body().path("title").asText()).containsExactly("first", "second");
            assertThat(topic.collect(EventTopic.about(workshop), Duration.ofSeconds(2))).hasSize(2);
        } finally {
            second.stop();
        }
    }

    private static Map<String, Object> workshopData(String id, String title) {
        return Map.of("id", id, "challengeId", "6f1d2c3b-0000-4000-8000-000000000002", "title", title,
                "startsAt", "2026-12-10T13:00:00Z", "endsAt", "2026-12-10T16:00:00Z", "capacity", 20,
                "registeredCount", 0, "seatsLeft", 20);
    }
}
