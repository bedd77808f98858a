package se.utfall.rfi;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static se.utfall.rfi.Fixtures.LJUSDAL;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.challenge;
import static se.utfall.rfi.Fixtures.challengeEvent;
import static se.utfall.rfi.Fixtures.producer;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

@QuarkusTest
class ChallengeFeedIT {

    private static Map<String, Object> row(String id) {
        return Db.rows("SELECT version, status, co_buyer_org_ids::text AS buyers, title, last_event_id"
                + " FROM known_challenge WHERE id = ?::uuid", id).get(0);
    }

    @Test
    void theNewestVersionWinsAndRepeatsOrOlderEventsChangeNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String amended = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(challengeEvent(first, EventTypes.CHALLENGE_PUBLISHED,
                    challenge(id, TOMELILLA, List.of(), "PUBLISHED", 1), id)).get();
            p.send(challengeEvent(amended, EventTypes.CHALLENGE_UPDATED,
                    challenge(id, TOMELILLA, List.of(LJUSDAL), "PUBLISHED", 3), id)).get();
            // The same event again, and an older version arriving late (a replay, or another partition's lag).
            p.send(challengeEvent(first, EventTypes.CHALLENGE_PUBLISHED,
                    challenge(id, TOMELILLA, List.of(), "PUBLISHED", 1), id)).get();
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_UPDATED,
                    challenge(id, TOMELILLA, List.of(), "PUBLISHED", 2), id)).get();
            String marker = UUID.randomUUID().toString();
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_PUBLISHED,
                    challenge(marker, TOMELILLA, List.of(), "PUBLISHED", 1), marker)).get();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Db.count("SELECT count(*) FROM known_challenge WHERE id = ?::uuid", marker) == 1);
        }
        Map<String, Object> r = row(id);
        assertThat(r.get("version")).isEqualTo(3L);
        assertThat(r.get("buyers")).isEqualTo("{" + LJUSDAL + "}");
        assertThat(r.get("last_event_id")).isEqualTo(amended);
        // Stored as a JSON object (a JSON string holding the object would read back as text).
        assertThat(Db.count("SELECT count(*) FROM known_challenge WHERE id = ?::uuid"
                + " AND public_data -> 'baseline' -> 'costPerPeriod' ->> 'amount' = '12000000.00'", id)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", first)).isEqualTo(1);
    }

    /** An RFI shows its challenge's title as the challenge's newest event gives it, with a new ETag when it moves. */
    @Test
    void anRfiFollowsItsChallengesTitleAndAReadOfItRevalidates() throws Exception {
        String id = Fixtures.knownChallenge(TOMELILLA);
        String rfi = as(buyer(TOMELILLA)).body(Fixtures.rfi(id, Fixtures.nowSeconds().plusSeconds(3600),
                Fixtures.nowSeconds().plusSeconds(7200))).post("/api/v1/rfis").then().statusCode(201)
                .body("challengeTitle", equalTo("Hela barnet")).body("municipalityName", equalTo("Tomelilla"))
                .extract().path("id");
        String etag = as(buyer(TOMELILLA)).get("/api/v1/rfis/" + rfi).then().extract().header("ETag");
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_UPDATED,
                    challenge(id, TOMELILLA, List.of(), "PUBLISHED", 2).replace("\"title\": \"Hela barnet\"",
                            "\"title\": \"Hela barnet: tidiga insatser\""), id)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "Hela barnet: tidiga insatser".equals(
                as(buyer(TOMELILLA)).get("/api/v1/rfis/" + rfi).then().extract().path("challengeTitle")));
        as(buyer(TOMELILLA)).header("If-None-Match", etag).get("/api/v1/rfis/" + rfi).then().statusCode(200);
    }

    @Test
    void aClosedChallengeTakesNoNewRfis() throws Exception {
        String id = Fixtures.knownChallenge(TOMELILLA);
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_CLOSED,
                    challenge(id, TOMELILLA, List.of(), "CLOSED", 2), id)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(row(id).get("status")));
        as(buyer(TOMELILLA))
                .body(Fixtures.rfi(id, Fixtures.nowSeconds().plusSeconds(60), Fixtures.nowSeconds().plusSeconds(120)))
                .post("/api/v1/rfis").then().statusCode(422);
        assertThat(Db.count("SELECT count(*) FROM rfi WHERE challenge_id = ?::uuid", id)).isZero();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheNextOneStillApplied() throws Exception {
        String after = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(Topics.deadLetterOf(Topics.CHALLENGES));
                KafkaProducer<String, byte[]> p = producer()) {
            String poisonId = UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> poison = challengeEvent(poisonId, EventTypes.CHALLENGE_PUBLISHED,
                    "{\"id\": \"not-a-uuid\", \"title\": 42}", "x");
            p.send(poison).get();
            p.send(new ProducerRecord<>(Topics.CHALLENGES, "y", "not json".getBytes(StandardCharsets.UTF_8))).get();
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_PUBLISHED,
                    challenge(after, TOMELILLA, List.of(), "PUBLISHED", 1), after)).get();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Db.count("SELECT count(*) FROM known_challenge WHERE id = ?::uuid", after) == 1);
            assertThat(dlq.await(2, e -> "x".equals(e.key()) || "y".equals(e.key()))).hasSize(2);
        }
    }
}
