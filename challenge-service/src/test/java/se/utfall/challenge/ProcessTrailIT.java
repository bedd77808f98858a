package se.utfall.challenge;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.CloudEventRecords;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/**
 * The process trail shows what happened, not only what was typed: a held workshop starts the workshops phase, an
 * RFI that opened and closed (learnt from rfi-service's events, once each) starts and ends the RFI phase; each
 * change is public and announced like a typed one.
 */
@QuarkusTest
class ProcessTrailIT {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private static String published() {
        String token = buyer(LJUSDAL);
        String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> phase(String challengeId, String phase) {
        List<Map<String, Object>> trail = anonymous().get("/api/v1/challenges/" + challengeId).then()
                .statusCode(200).extract().path("processTrail");
        return trail.stream().filter(p -> phase.equals(p.get("phase"))).findFirst().orElseThrow();
    }

    private static String rfiEvent(String rfiId, String challengeId, String status, String opened, String closed) {
        return """
                {"id": "%s", "challengeId": "%s", "ownerOrgId": "%s", "title": "Varm mat i Ramsjö",
                 "status": "%s", "opensAt": "%s", "closesAt": "%s", "timeZone": "Europe/Stockholm",
                 "questions": [], "criteria": [], "version": 3, "amendments": 0,
                 "openedAt": "%s", "closedAt": %s}""".formatted(rfiId, challengeId, LJUSDAL, status, opened,
                "2026-05-28T00:00:00+02:00", opened, closed == null ? "null" : "\"" + closed + "\"");
    }

    @Test
    void anRfiThatOpenedAndClosedMarksTheRfiPhaseOnceEvenWhenItsEventsArriveTwice() throws Exception {
        String challengeId = published();
        String rfiId = UUID.randomUUID().toString();
        String opened = UUID.randomUUID().toString();
        String closed = UUID.randomUUID().toString();
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES);
                KafkaProducer<String, byte[]> p = CloudEventRecords.producer()) {
            p.send(CloudEventRecords.record(Topics.RFIS, "/utfall/rfi-service", opened, EventTypes.RFI_OPENED,
                    rfiEvent(rfiId, challengeId, "OPEN", "2026-05-10T00:00:00+02:00", null), rfiId,
                    "rfis/" + rfiId)).get();
            p.send(CloudEventRecords.record(Topics.RFIS, "/utfall/rfi-service", opened, EventTypes.RFI_OPENED,
                    rfiEvent(rfiId, challengeId, "OPEN", "2026-05-10T00:00:00+02:00", null), rfiId,
                    "rfis/" + rfiId)).get();
            p.send(CloudEventRecords.record(Topics.RFIS, "/utfall/rfi-service", closed, EventTypes.RFI_CLOSED,
                    rfiEvent(rfiId, challengeId, "CLOSED", "2026-05-10T00:00:00+02:00", "2026-05-28T00:00:00+02:00"),
                    rfiId, "rfis/" + rfiId)).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> "2026-05-28".equals(phase(challengeId, "RFI")
                    .get("actualEnd")));
            assertThat(phase(challengeId, "RFI")).containsEntry("actualStart", "2026-05-10");
            // Announced as a public amendment by Utfall itself, once per change.
            List<EventTopic.Event> updates = topic.await(2, e -> challengeId.equals(e.key())
                    && EventTypes.CHALLENGE_UPDATED.equals(e.type()));
            assertThat(updates.get(1).body().toString()).contains("2026-05-28");
            assertThat(topic.collect(e -> challengeId.equals(e.key())
                    && EventTypes.CHALLENGE_UPDATED.equals(e.type()), Duration.ofSeconds(2))).hasSize(2);
        }
        assertThat(Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", opened)).isEqualTo(1);
    }

    /** On the compacted topic a new reader may see only an RFI's newest event: it carries both dates. */
    @Test
    void anRfisNewestEventAloneGivesTheRfiPhaseBothDates() throws Exception {
        String challengeId = published();
        String rfiId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> p = CloudEventRecords.producer()) {
            p.send(CloudEventRecords.record(Topics.RFIS, "/utfall/rfi-service", UUID.randomUUID().toString(),
                    EventTypes.RFI_EVALUATED, rfiEvent(rfiId, challengeId, "EVALUATED", "2026-05-10T00:00:00+02:00",
                            "2026-05-28T00:00:00+02:00"), rfiId, "rfis/" + rfiId)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "2026-05-28".equals(phase(challengeId, "RFI")
                .get("actualEnd")));
        assertThat(phase(challengeId, "RFI")).containsEntry("actualStart", "2026-05-10");
    }

    /** A record the feed cannot read is dead-lettered with its reason; the next one, same key, is still applied. */
    @Test
    void anUnreadableRfiEventIsDeadLetteredAndTheNextOneStillApplied() throws Exception {
        String challengeId = published();
        String rfiId = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(Topics.deadLetterOf(Topics.RFIS));
                KafkaProducer<String, byte[]> p = CloudEventRecords.producer()) {
            p.send(CloudEventRecords.record(Topics.RFIS, "/utfall/rfi-service", poison, EventTypes.RFI_OPENED,
                    rfiEvent(rfiId, "not-a-uuid", "OPEN", "2026-05-10T00:00:00+02:00", null), rfiId,
                    "rfis/" + rfiId)).get();
            p.send(CloudEventRecords.record(Topics.RFIS, "/utfall/rfi-service", UUID.randomUUID().toString(),
                    EventTypes.RFI_OPENED, rfiEvent(rfiId, challengeId, "OPEN", "2026-05-11T00:00:00+02:00", null),
                    rfiId, "rfis/" + rfiId)).get();
            EventTopic.Event dead = dlq.await(1, e -> rfiId.equals(e.key())).get(0);
            assertThat(dead.id()).isEqualTo(poison);
            assertThat(dead.header("dead-letter-reason")).isNotBlank();
            await().atMost(Duration.ofSeconds(30)).until(() -> "2026-05-11".equals(phase(challengeId, "RFI")
                    .get("actualStart")));
        }
    }

    @Test
    void aWorkshopThatWasHeldStartsTheWorkshopsPhase() {
        String challengeId = published();
        Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        as(buyer(LJUSDAL)).body(Map.of("title", "Workshop i bygdegården", "startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(), "location", "Ramsjö bygdegård",
                "capacity", 20)).post("/api/v1/challenges/" + challengeId + "/workshops").then().statusCode(201);
        assertThat(phase(challengeId, "WORKSHOPS").get("actualStart")).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> phase(challengeId, "WORKSHOPS").get("actualStart")
                != null);
        assertThat(phase(challengeId, "WORKSHOPS"))
                .containsEntry("actualStart", LocalDate.ofInstant(start, SWEDEN).toString());
    }
}
