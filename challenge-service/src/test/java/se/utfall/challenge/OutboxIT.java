package se.utfall.challenge;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utfall.challenge.domain.Challenge;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.messaging.outbox.Outbox;
import se.utfall.testing.Api;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;
import se.utfall.testing.TcpProxy;
import se.utfall.web.problem.RuleViolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/** An event is published if and only if its change committed, and none is lost while Kafka is away. */
@QuarkusTest
class OutboxIT {
    @Inject
    Outbox outbox;

    @AfterEach
    void restoreKafka() {
        if (TcpProxy.available()) {
            TcpProxy.setCut(false);
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventArrivesInOrderOnceItIsBack() {
        assumeTrue(TcpProxy.available(), "needs the embedded broker, whose network the test can cut");
        String token = buyer(LJUSDAL);
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            TcpProxy.setCut(true);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Map<String, Object> body = Fixtures.ramsjo();
                body.put("title", "Måltider under avbrott " + i);
                String id = as(token).body(body).post("/api/v1/challenges").then().statusCode(201).extract().path("id");
                as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then()
                        .statusCode(200);
                body.put("summary", "Ändrad medan Kafka var nere " + i);
                as(token).header("If-Match", "\"1\"").body(body).put("/api/v1/challenges/" + id).then().statusCode(200);
                as(token).header("If-Match", "\"2\"").post("/api/v1/challenges/" + id + "/close").then()
                        .statusCode(200);
                ids.add(id);
            }
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND aggregate_id = ANY (?)",
                    (Object) ids.toArray(new String[0]))).as("held in the outbox while Kafka is away").isEqualTo(9);
            assertThat(topic.collect(e -> ids.contains(e.key()), Duration.ofSeconds(2))).isEmpty();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pendingGauge() >= 9);

            TcpProxy.setCut(false);

            for (String id : ids) {
                List<EventTopic.Event> events = topic.await(3, EventTopic.about(id), Duration.ofSeconds(60));
                assertThat(events).extracting(EventTopic.Event::type).containsExactly(
                        EventTypes.CHALLENGE_PUBLISHED, EventTypes.CHALLENGE_UPDATED, EventTypes.CHALLENGE_CLOSED);
                assertThat(events).extracting(e -> e.body().path("version").asLong()).containsExactly(1L, 2L, 3L);
            }
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND aggregate_id = ANY (?)",
                    (Object) ids.toArray(new String[0]))).isZero();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pendingGauge() == 0);
        }
    }

    /** The backlog operators see in /q/metrics while Kafka is away. */
    private static double pendingGauge() {
        String metrics = Api.management().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("utfall_outbox_pending"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void aRolledBackChangePublishesNothing() throws Throwable {
        String token = buyer(LJUSDAL);
        String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        Map<String, Object> view = new HashMap<>(Api.anonymous().get("/api/v1/challenges/" + id)
                .then().statusCode(200).extract().<Map<String, Object>>path(""));
        view.put("title", "Ändring som rullas tillbaka");
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    Challenge.<Challenge>findById(UUID.fromString(id)).chain(c -> {
                        c.title = "Ändring som rullas tillbaka";
                        return outbox.append(EventTypes.CHALLENGE_UPDATED, id, "challenges/" + id,
                                view);
                    }).chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule failed"))))))
                    .hasMessageContaining("business rule failed");

            assertThat(Db.rows("SELECT title FROM challenge WHERE id = ?", UUID.fromString(id)).get(0).get("title"))
                    .isEqualTo("Dagliga måltider för äldre i Ramsjö");
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND event_type = ?", id,
                    EventTypes.CHALLENGE_UPDATED)).isZero();
            assertThat(topic.collect(e -> id.equals(e.key()) && EventTypes.CHALLENGE_UPDATED.equals(e.type()),
                    Duration.ofSeconds(3))).isEmpty();
        }
    }

    /** An event the broker could never take is refused when it is written, so it cannot block the outbox later. */
    @Test
    void anOversizedPayloadIsRefusedWith413BeforeAnythingIsWritten() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> workshop = new HashMap<>(Map.of("id", id,
                "challengeId", UUID.randomUUID().toString(), "title", "Stor", "startsAt", "2030-01-01T10:00:00Z",
                "endsAt", "2030-01-01T12:00:00Z", "capacity", 5, "registeredCount", 0, "seatsLeft", 5));
        workshop.put("description", "å".repeat(500_000));
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                outbox.append(EventTypes.WORKSHOP_SCHEDULED, id, "tests/" + id, workshop))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.TOO_LARGE))
                .hasMessageContaining("at most 900000");
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id)).isZero();
    }

    @Test
    void aPayloadThatBreaksItsSchemaIsRefusedBeforeAnythingIsWritten() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                outbox.append(EventTypes.CHALLENGE_PUBLISHED, id, "challenges/" + id,
                        Map.of("id", id, "title", 42)))))
                .hasMessageContaining("does not match its schema");
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id)).isZero();
    }
}
