package se.utfall.messaging.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Several replicas relaying one outbox: every event once, and each aggregate's events in order. */
@QuarkusTest
class ReplicatedRelayIT {
    private static final String TOPIC = "utfall.relaytest.v1";

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
    @Inject
    OutboxRelay relayOfThisProcess;

    @Test
    void publishedRowsArePurgedAfterTheRetentionButUnsentOnesNever() throws Exception {
        String id = UUID.randomUUID().toString();
        for (String sentAt : new String[] {"now() - interval '30 days'", "now() - interval '1 hour'", "NULL"}) {
            Db.execute("INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, source, occurred_at,"
                    + " payload, sent_at) VALUES (?, 'utfall.purgetest.v1', ?, 'se.utfall.test.happened.v1', '/test',"
                    + " now() - interval '30 days', '{}', " + sentAt + ")", UUID.randomUUID(), id);
        }
        relayOfThisProcess.purgePublished();
        // The unsent row may meanwhile have been relayed; it must not have been purged either way.
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id)).isEqualTo(2);
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?"
                + " AND sent_at < now() - interval '7 days'", id)).isZero();
    }

    @Test
    void theRelayIsWokenByCommitsNotByPolling() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(relayOfThisProcess::isListening);
    }

    @Test
    void threeReplicasPublishEveryEventOnceInOrderPerAggregate() {
        int aggregates = 12;
        int perAggregate = 25;
        List<OutboxRelay> replicas = new ArrayList<>();
        try (EventTopic topic = EventTopic.fromBeginning(TOPIC)) {
            for (int i = 0; i < 3; i++) {
                OutboxRelay relay = new OutboxRelay(config, dataSource, jdbcUrl, user, password, kafka,
                        new SimpleMeterRegistry());
                replicas.add(relay);
                relay.start();
            }
            List<String> ids = new ArrayList<>();
            for (int a = 0; a < aggregates; a++) {
                ids.add(UUID.randomUUID().toString());
            }
            // Interleaved writes, as concurrent requests would make them, while the replicas are running.
            for (int n = 0; n < perAggregate; n++) {
                for (String id : ids) {
                    Db.execute("INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, source, subject,"
                            + " occurred_at, payload) VALUES (?, ?, ?, 'se.utfall.test.happened.v1', '/test', ?,"
                            + " now(), ?)", UUID.randomUUID(), TOPIC, id, "tests/" + id, "{\"n\": " + n + "}");
                }
            }
            List<EventTopic.Event> events = topic.await(aggregates * perAggregate, e -> ids.contains(e.key()),
                    Duration.ofSeconds(90));
            Set<String> eventIds = new HashSet<>();
            events.forEach(e -> eventIds.add(e.id()));
            assertThat(eventIds).as("no event published twice").hasSize(aggregates * perAggregate);
            assertThat(events).hasSize(aggregates * perAggregate);
            Map<String, List<Integer>> order = new HashMap<>();
            events.forEach(e -> order.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.body().path("n").asInt()));
            List<Integer> expected = new ArrayList<>();
            for (int n = 0; n < perAggregate; n++) {
                expected.add(n);
            }
            assertThat(order).hasSize(aggregates);
            order.values().forEach(seq -> assertThat(seq).isEqualTo(expected));
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ANY (?) AND sent_at IS NULL",
                    (Object) ids.toArray(new String[0]))).isZero();
            assertThat(replicas).allMatch(OutboxRelay::isListening);
        } finally {
            replicas.forEach(OutboxRelay::stop);
        }
    }
}
