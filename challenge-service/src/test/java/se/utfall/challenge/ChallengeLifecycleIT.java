package se.utfall.challenge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

@QuarkusTest
class ChallengeLifecycleIT {

    @Test
    void draftPublishAmendCloseArchiveEachStepStoredAndAnnounced() {
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            String token = buyer(LJUSDAL);

            // Create: a draft, private, no event.
            Response created = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges");
            created.then().statusCode(201)
                    .header("Location", Matchers.endsWith("/api/v1/challenges/" + created.path("id")))
                    .header("ETag", "\"0\"")
                    .body("status", equalTo("DRAFT"))
                    .body("ownerOrgId", equalTo(LJUSDAL.toString()))
                    .body("municipalityName", equalTo("Ljusdal"))
                    .body("baseline.costPerPeriod.amount", equalTo(458440.00f))
                    .body("outcomeGoals[0].id", notNullValue())
                    .body("processTrail.size()", equalTo(7));
            UUID id = UUID.fromString(created.path("id"));
            assertThat(Db.rows("SELECT status, owner_org_id, municipality_code FROM challenge WHERE id = ?", id))
                    .singleElement().satisfies(r -> {
                        assertThat(r.get("status")).isEqualTo("DRAFT");
                        assertThat(r.get("owner_org_id")).isEqualTo(LJUSDAL);
                    });
            assertThat(Db.count("SELECT count(*) FROM outcome_goal WHERE challenge_id = ?", id)).isEqualTo(1);
            anonymous().get("/api/v1/challenges/" + id).then().statusCode(404)
                    .contentType("application/problem+json");

            // Publish: public, announced with the full public state.
            as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then()
                    .statusCode(200).body("status", equalTo("PUBLISHED")).body("publishedAt", notNullValue());
            assertThat(Db.rows("SELECT status FROM challenge WHERE id = ?", id).get(0).get("status"))
                    .isEqualTo("PUBLISHED");
            EventTopic.Event published = topic.await(1, EventTopic.about(id)).get(0);
            assertThat(published.type()).isEqualTo("se.utfall.challenge.published.v1");
            assertThat(published.key()).isEqualTo(id.toString());
            assertThat(published.header("ce_specversion")).isEqualTo("1.0");
            assertThat(published.header("ce_source")).isEqualTo("/utfall/challenge-service");
            assertThat(published.header("ce_subject")).isEqualTo("challenges/" + id);
            assertThat(published.header("ce_id")).isNotBlank();
            assertThat(published.header("ce_time")).isNotBlank();
            assertThat(published.header("content-type")).isEqualTo("application/json");
            assertThat(published.body().path("title").asText()).isEqualTo("Dagliga måltider för äldre i Ramsjö");
            assertThat(published.body().path("status").asText()).isEqualTo("PUBLISHED");
            assertThat(published.body().path("outcomeGoals").get(0).path("targetValue").asInt()).isEqualTo(90);
            assertThat(EventSchemas.validate(published.type(), published.body())).isEmpty();

            // Anonymous readers see it, in lists and by search in Swedish and English.
            anonymous().get("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"1\"");
            anonymous().queryParam("q", "måltid").queryParam("municipality", "2161").get("/api/v1/challenges")
                    .then().statusCode(200).body("items.id", hasItem(id.toString()));
            anonymous().queryParam("q", "äldre Ramsjö").get("/api/v1/challenges")
                    .then().statusCode(200).body("items.id", hasItem(id.toString()));

            // Amend: recorded in the public history and announced as updated.
            Map<String, Object> amended = Fixtures.ramsjo();
            amended.put("summary", "Ett lagat mål mat varje dag, lagat i byn.");
            amended.put("amendmentNote", "Förtydligad sammanfattning efter workshop");
            as(token).header("If-Match", "\"1\"").body(amended).put("/api/v1/challenges/" + id).then()
                    .statusCode(200).header("ETag", "\"2\"").body("summary",
                            equalTo("Ett lagat mål mat varje dag, lagat i byn."));
            EventTopic.Event updated = topic.await(2, EventTopic.about(id)).get(1);
            assertThat(updated.type()).isEqualTo("se.utfall.challenge.updated.v1");
            assertThat(updated.body().path("summary").asText()).isEqualTo("Ett lagat mål mat varje dag, lagat i byn.");
            List<Map<String, Object>> history = anonymous().get("/api/v1/challenges/" + id + "/history")
                    .then().statusCode(200).extract().path("items");
            assertThat(history).extracting(h -> h.get("action")).containsExactly("PUBLISHED", "AMENDED");
            assertThat(history.get(1).get("note")).isEqualTo("Förtydligad sammanfattning efter workshop");
            assertThat(history.get(1).get("actor")).as("the person is not shown to the public").isNull();
            as(token).get("/api/v1/challenges/" + id + "/history").then().statusCode(200)
                    .body("items.action", equalTo(List.of("CREATED", "PUBLISHED", "AMENDED")))
                    .body("items[2].changes.summary.to", equalTo("Ett lagat mål mat varje dag, lagat i byn."))
                    .body("items[2].actor", notNullValue());

            // The process trail is planned without resending the whole challenge; also an amendment.
            as(token).header("If-Match", "\"2\"").body(List.of(Map.of("phase", "WORKSHOPS",
                            "plannedStart", "2027-01-10", "plannedEnd", "2027-01-31")))
                    .put("/api/v1/challenges/" + id + "/process-trail").then().statusCode(200)
                    .header("ETag", "\"3\"").body("processTrail[1].plannedStart", equalTo("2027-01-10"));
            as(token).header("If-Match", "\"3\"").body(List.of(Map.of("phase", "RFI",
                            "plannedStart", "2027-05-27", "plannedEnd", "2027-05-10")))
                    .put("/api/v1/challenges/" + id + "/process-trail").then().statusCode(400)
                    .body("errors[0].field", equalTo("processTrail[0].plannedEnd"));
            assertThat(Db.rows("SELECT planned_start FROM process_phase WHERE challenge_id = ? AND phase = 'WORKSHOPS'",
                    id).get(0).get("planned_start")).hasToString("2027-01-10");

            // Close and archive.
            as(token).header("If-Match", "\"3\"").post("/api/v1/challenges/" + id + "/close").then().statusCode(200)
                    .body("status", equalTo("CLOSED"));
            as(token).header("If-Match", "\"4\"").post("/api/v1/challenges/" + id + "/archive").then().statusCode(200)
                    .body("status", equalTo("ARCHIVED"));
            List<EventTopic.Event> all = topic.await(5, EventTopic.about(id));
            assertThat(all).extracting(EventTopic.Event::type).containsExactly(
                    "se.utfall.challenge.published.v1", "se.utfall.challenge.updated.v1",
                    "se.utfall.challenge.updated.v1", "se.utfall.challenge.closed.v1",
                    "se.utfall.challenge.archived.v1");
            assertThat(Db.rows("SELECT status, closed_at, archived_at FROM challenge WHERE id = ?", id).get(0))
                    .containsEntry("status", "ARCHIVED").extractingByKey("archived_at").isNotNull();
            assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND sent_at IS NULL",
                    id.toString())).isZero();
        }
    }

    @Test
    void saveWithoutChangesKeepsTheVersionSoTheReturnedETagStaysUsable() {
        String token = buyer(LJUSDAL);
        String created = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .header("ETag", "\"0\"").extract().asString();
        String id = JsonPath.from(created).getString("id");
        // What a form does: read, change nothing, save. The read body goes back as it came, read-only fields and all.
        as(token).header("If-Match", "\"0\"").body(created).put("/api/v1/challenges/" + id).then()
                .statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
        as(token).get("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"0\"");
        as(token).header("If-Match", "\"0\"").contentType("application/merge-patch+json").body("{}")
                .patch("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void draftsAreNotAnnouncedAndOwnersListThem() {
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            String token = buyer(LJUSDAL);
            String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                    .extract().path("id");
            as(token).queryParam("status", "DRAFT").get("/api/v1/challenges/mine").then().statusCode(200)
                    .body("items.id", hasItem(id)).body("total", Matchers.greaterThanOrEqualTo(1));
            anonymous().get("/api/v1/challenges").then().statusCode(200)
                    .body("items.id", Matchers.not(hasItem(id)));
            Map<String, Object> edited = Fixtures.ramsjo();
            edited.put("title", "Måltider i Ramsjö (utkast 2)");
            as(token).header("If-Match", "\"0\"").body(edited).put("/api/v1/challenges/" + id).then().statusCode(200);
            assertThat(topic.collect(EventTopic.about(id), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitAndAPostWithoutBodyAreServed() throws Exception {
        String token = buyer(LJUSDAL);
        byte[] json = new ObjectMapper().writeValueAsBytes(Fixtures.ramsjo());
        as(token).body(new ByteArrayInputStream(json)).post("/api/v1/challenges").then().statusCode(201);
        // As java.net.http sends a POST without a body: neither Content-Length nor Transfer-Encoding.
        String draft = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/challenges/" + draft + "/close HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + token + "\r\nIf-Match: \"0\"\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as("a draft cannot be closed: a rule, not a fault").startsWith("HTTP/1.1 409")
                    .contains("application/problem+json");
        }
    }

    @Test
    void aReaderWithACurrentCopyGets304AndCachesAreToldWhoMayKeepIt() {
        String token = buyer(LJUSDAL);
        String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).get("/api/v1/challenges/" + id).then().statusCode(200)
                .header("Cache-Control", "private, no-cache").header("Vary", Matchers.containsString("Authorization"));
        as(token).header("If-None-Match", "\"0\"").get("/api/v1/challenges/" + id).then().statusCode(304)
                .header("ETag", "\"0\"").body(Matchers.emptyOrNullString());
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        as(token).header("If-None-Match", "\"0\"").get("/api/v1/challenges/" + id).then().statusCode(200)
                .header("ETag", "\"1\"");
        anonymous().header("If-None-Match", "W/\"1\"").get("/api/v1/challenges/" + id).then().statusCode(304);
        anonymous().get("/api/v1/challenges/" + id).then().statusCode(200)
                .header("Cache-Control", "public, no-cache");
    }

    @Test
    void aReadServesTheViewStoredWithTheLastChangeAndFallsBackWithoutOne() {
        String token = buyer(LJUSDAL);
        String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        assertThat(Db.rows("SELECT version, is_public FROM challenge_view WHERE id = ?", UUID.fromString(id)).get(0))
                .containsEntry("version", 1L).containsEntry("is_public", true);
        String stored = anonymous().get("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("needInsights.size()", equalTo(0)).extract().asString();
        as(token).get("/api/v1/challenges/" + id).then().statusCode(200).body("needInsights.size()", equalTo(1));
        as(buyer(UUID.randomUUID())).get("/api/v1/challenges/" + id).then().statusCode(200)
                .body("needInsights.size()", equalTo(0));
        // A challenge last changed before the read model existed is read the long way, to the same answer.
        Db.execute("DELETE FROM challenge_view WHERE id = ?", UUID.fromString(id));
        assertThat(anonymous().get("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .extract().asString()).isEqualTo(stored);
    }

    @Test
    void clientsThatHangUpMidRequestLeaveTheServiceAnswering() throws Exception {
        String token = buyer(LJUSDAL);
        byte[] body = new ObjectMapper().writeValueAsBytes(Fixtures.ramsjo());
        // More hang-ups than the pool has connections: each request's transaction must still end and hand its
        // connection back, or the service would stop answering.
        for (int i = 0; i < 60; i++) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.getOutputStream().write(("POST /api/v1/challenges HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
            }
        }
        for (int i = 0; i < 3; i++) {
            as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201);
        }
        anonymous().get("/api/v1/challenges").then().statusCode(200);
        assertThat(Db.count("SELECT count(*) FROM challenge c WHERE (SELECT count(*) FROM process_phase p"
                + " WHERE p.challenge_id = c.id) <> 7")).as("no half-written challenge").isZero();
    }
}
