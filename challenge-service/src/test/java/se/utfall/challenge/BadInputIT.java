package se.utfall.challenge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utfall.events.Topics;
import se.utfall.testing.Api;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/** Bad input gets the right 4xx with a problem body, and changes nothing: not the database, not the topic. */
@QuarkusTest
class BadInputIT {
    /** An organisation of its own, so events caused by other test classes cannot be mistaken for ours. */
    private static final UUID ORG = UUID.randomUUID();
    private final String token = buyer(ORG);
    private EventTopic topic;
    private long challenges;
    private long outbox;
    private String publishedId;
    private String publishedEventId;

    @BeforeEach
    void snapshot() {
        topic = EventTopic.from(Topics.CHALLENGES);
        publishedId = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + publishedId + "/publish").then()
                .statusCode(200);
        publishedEventId = topic.await(1, EventTopic.about(publishedId)).get(0).id();
        challenges = Db.count("SELECT count(*) FROM challenge");
        outbox = Db.count("SELECT count(*) FROM outbox_event");
    }

    @AfterEach
    void nothingChanged() {
        assertThat(Db.count("SELECT count(*) FROM challenge")).isEqualTo(challenges);
        assertThat(Db.count("SELECT count(*) FROM outbox_event")).isEqualTo(outbox);
        assertThat(Db.rows("SELECT version, title FROM challenge WHERE id = ?", UUID.fromString(publishedId)).get(0))
                .containsEntry("version", 1L).containsEntry("title", "Dagliga måltider för äldre i Ramsjö");
        assertThat(topic.collect(e -> !e.id().equals(publishedEventId)
                && ORG.toString().equals(e.body().path("ownerOrgId").asText()), Duration.ofMillis(500))).isEmpty();
        topic.close();
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", containsString("https://utfall.se/problems/")).body("title", Matchers.notNullValue());
    }

    @Test
    void malformedJson() {
        problem(as(token).body("{\"title\": \"Måltider\", ").post("/api/v1/challenges").then(), 400)
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongTypes() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("budget", Map.of("amount", "mycket", "currency", "SEK"));
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400)
                .body("errors.field", hasItem("budget.amount"));
        body = Fixtures.ramsjo();
        body.put("sectors", "food");
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400);
    }

    @Test
    void missingAndOversizedFields() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.remove("title");
        body.remove("municipalityCode");
        body.put("summary", "x".repeat(2001));
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("municipalityCode"))
                .body("errors.field", hasItem("summary"));
        problem(as(token).post("/api/v1/challenges").then(), 400).body("errors.field", hasItem("request"));
    }

    @Test
    void oversizedBody() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("problemStatement", "å".repeat(300_000));
        problem(as(token).body(body).post("/api/v1/challenges").then(), 413);
    }

    @Test
    void invalidKommunkodAndCpvAndSdg() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("municipalityCode", "2199");
        body.put("cpvCodes", List.of("5532100-6"));
        body.put("sdgTargets", List.of("18.1"));
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400)
                .body("errors.field", hasItem("municipalityCode"))
                .body("errors.field", hasItem("cpvCodes[0]"))
                .body("errors.field", hasItem("sdgTargets[0]"));
    }

    @Test
    void targetBeforeBaselineIsRefused() {
        Map<String, Object> body = Fixtures.ramsjo();
        Map<String, Object> goal = Fixtures.goal();
        goal.put("targetDate", "2025-01-01");
        body.put("outcomeGoals", List.of(goal));
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400)
                .body("errors.field", hasItem("outcomeGoals[0].targetDate"));
    }

    @Test
    void unknownIds() {
        UUID unknown = UUID.randomUUID();
        problem(as(token).get("/api/v1/challenges/" + unknown).then(), 404);
        problem(as(token).post("/api/v1/challenges/" + unknown + "/publish").then(), 404);
        problem(as(token).header("If-Match", "\"0\"").body(Fixtures.ramsjo()).put("/api/v1/challenges/" + unknown)
                .then(), 404);
        problem(as(token).get("/api/v1/challenges/not-a-uuid").then(), 404);
        problem(as(token).get("/api/v1/workshops/" + unknown).then(), 404);
    }

    @Test
    void staleOrMissingIfMatch() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("title", "Ny titel");
        problem(as(token).header("If-Match", "\"0\"").body(body).put("/api/v1/challenges/" + publishedId).then(), 412);
        problem(as(token).body(body).put("/api/v1/challenges/" + publishedId).then(), 428);
    }

    @Test
    void unknownFieldsAreRefusedWhileReadOnlyOnesAreNamedNowhere() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("status", "ARCHIVED");
        body.put("colour", "blue");
        problem(as(token).header("If-Match", "\"1\"").body(body).put("/api/v1/challenges/" + publishedId).then(),
                400).body("errors.field", equalTo(List.of("colour")));
    }

    @Test
    void aBadMergePatchIsRefusedWithEveryProblemNamed() {
        String path = "/api/v1/challenges/" + publishedId;
        String type = "application/merge-patch+json";
        problem(as(token).header("If-Match", "\"1\"").contentType(type).body("[1, 2]").patch(path).then(), 400);
        problem(as(token).header("If-Match", "\"1\"").contentType(type).body("{\"colour\": \"blue\"}").patch(path)
                .then(), 400).body("errors[0].field", equalTo("colour"));
        problem(as(token).header("If-Match", "\"1\"").contentType(type).body("{\"sectors\": \"food\"}").patch(path)
                .then(), 400).body("errors[0].field", equalTo("sectors"));
        problem(as(token).header("If-Match", "\"1\"").contentType(type)
                .body(Map.of("title", " ", "municipalityCode", "9999", "outcomeGoals", List.of(Map.of("unit", "st"))))
                .patch(path).then(), 400)
                .body("errors.field", equalTo(List.of("municipalityCode", "outcomeGoals[0].indicator", "title")));
        problem(as(token).header("If-Match", "\"0\"").contentType(type).body("{\"title\": \"Ny\"}").patch(path)
                .then(), 412);
        problem(as(token).contentType(type).body("{\"title\": \"Ny\"}").patch(path).then(), 428);
        problem(as(token).header("If-Match", "\"1\"").contentType(type).patch(path).then(), 400);
        problem(as(token).header("If-Match", "\"1\"").body("{\"title\": \"Ny\"}").patch(path).then(), 415);
    }

    @Test
    void wrongMediaTypeAndMethod() {
        problem(RestAssured.given().auth().oauth2(token).contentType(ContentType.TEXT).body("title=x")
                .post("/api/v1/challenges").then(), 415);
        problem(as(token).delete("/api/v1/challenges/" + publishedId).then(), 405)
                .header("Allow", "GET, HEAD, OPTIONS, PATCH, PUT");
        problem(as(token).get("/api/v1/challenges/" + publishedId + "/publish").then(), 405)
                .header("Allow", "OPTIONS, POST");
    }

    @Test
    void badListParameters() {
        problem(Api.anonymous().queryParam("size", 1000).get("/api/v1/challenges").then(), 400)
                .body("errors.field", hasItem("size"));
        problem(Api.anonymous().queryParam("page", -1).get("/api/v1/challenges").then(), 400);
        problem(Api.anonymous().queryParam("status", "DRAFT").get("/api/v1/challenges").then(), 400)
                .body("errors.field", hasItem("status"));
        problem(Api.anonymous().queryParam("sort", "secret").get("/api/v1/challenges").then(), 400);
        problem(Api.anonymous().queryParam("municipality", "21").get("/api/v1/challenges").then(), 400);
    }

    @Test
    void publishingTwiceOrAnIncompleteDraftIsRefused() {
        problem(as(token).header("If-Match", "\"1\"").post("/api/v1/challenges/" + publishedId + "/publish").then(),
                409);
        Map<String, Object> body = Fixtures.ramsjo();
        body.remove("problemStatement");
        body.put("outcomeGoals", List.of());
        String draft = as(token).body(body).post("/api/v1/challenges").then().statusCode(201).extract().path("id");
        challenges++;
        problem(as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + draft + "/publish").then(), 422)
                .body("errors.field", hasItem("problemStatement"))
                .body("errors.field", hasItem("outcomeGoals"));
        assertThat(Db.rows("SELECT status FROM challenge WHERE id = ?", UUID.fromString(draft)).get(0).get("status"))
                .isEqualTo("DRAFT");
    }

    @Test
    void aPageBeyondTheLimitANulCharacterOrAWhitespaceOnlyTitleIs400() {
        problem(Api.anonymous().queryParam("page", 21474837).queryParam("size", 100)
                .get("/api/v1/challenges").then(), 400).body("errors.field", hasItem("page"));
        problem(Api.anonymous().queryParam("q", "mål\u0000tider").get("/api/v1/challenges").then(), 400);
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("title", "Måltider\u0000");
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400).body("errors.field", hasItem("title"));
        body.put("title", "\u3000\u3000\u2003");
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400).body("errors.field", hasItem("title"));
        body = Fixtures.ramsjo();
        body.put("problemStatement", "Text\u0000med NUL");
        problem(as(token).header("If-Match", "\"1\"").body(body).put("/api/v1/challenges/" + publishedId).then(), 400)
                .body("errors.field", hasItem("problemStatement"));
    }

    @Test
    void aMalformedEscapeOrADateOutOfAnyRangeIs400() {
        // Sent raw: no HTTP client library lets a malformed escape through, but a hostile caller can. Refused by
        // the request-line filter with a problem document (ProtocolIT covers every malformed request line).
        assertThat(rawGet("/api/v1/challenges?q=%zz")).startsWith("HTTP/1.1 400")
                .contains("application/problem+json");
        assertThat(rawGet("/api/v1/challenges?q=m%C3%A5l%")).startsWith("HTTP/1.1 400")
                .contains("application/problem+json");
        Map<String, Object> body = Fixtures.ramsjo();
        Map<String, Object> goal = Fixtures.goal();
        goal.put("targetDate", "+294277-01-01");
        body.put("outcomeGoals", List.of(goal));
        problem(as(token).body(body).post("/api/v1/challenges").then(), 400)
                .body("errors.field", hasItem("outcomeGoals[0].targetDate"));
        problem(as(token).body(Map.of("title", "Workshop", "startsAt", "2030-01-01T10:00:00Z",
                        "endsAt", "+294277-01-01T12:00:00Z", "location", "Ramsjö", "capacity", 5))
                .post("/api/v1/challenges/" + publishedId + "/workshops").then(), 400)
                .body("errors.field", hasItem("endsAt"));
    }

    private static String rawGet(String target) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET " + target
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void changesNeedTheStrongETagTheClientRead() {
        String url = "/api/v1/challenges/" + publishedId;
        problem(as(token).post(url + "/close").then(), 428);
        problem(as(token).header("If-Match", "*").post(url + "/close").then(), 428);
        problem(as(token).header("If-Match", "W/\"1\"").post(url + "/close").then(), 428);
        problem(as(token).header("If-Match", "\"0\"").post(url + "/close").then(), 412);
        problem(as(token).header("If-Match", "*").body(Fixtures.ramsjo()).put(url).then(), 428);
        problem(as(token).header("If-Match", "W/\"1\"").body(Fixtures.ramsjo()).put(url).then(), 428);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WithAProblemBody() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("problemStatement", "x".repeat(19_000));
        body.put("needInsights", Collections.nCopies(100, Map.of("source", "SURVEY", "text", "y".repeat(3_900))));
        byte[] json;
        try {
            json = new ObjectMapper().writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(json.length).isGreaterThan(300_000);
        // An InputStream body has no known length: the client sends it chunked, without Content-Length.
        problem(as(token).body(new ByteArrayInputStream(json)).post("/api/v1/challenges").then(), 413);
    }

    @Test
    void duplicateKeysWrongShapesAndUnconvertibleParametersAreNamed() {
        problem(as(token).body("{\"title\": \"Måltider\", \"title\": \"Annat\", \"municipalityCode\": \"2161\"}")
                .post("/api/v1/challenges").then(), 400)
                .body("errors[0].field", equalTo("title")).body("detail", containsString("appears twice"));
        problem(as(token).header("If-Match", "\"1\"").body("{\"phase\": \"RFI\"}")
                .put("/api/v1/challenges/" + publishedId + "/process-trail").then(), 400)
                .body("detail", containsString("wrong type")).body("errors[0].message", equalTo("must be an array"));
        problem(anonymous().queryParam("page", "abc").get("/api/v1/challenges").then(), 400)
                .body("errors[0].field", equalTo("page"));
        problem(anonymous().queryParam("size", "1.5").get("/api/v1/challenges").then(), 400)
                .body("errors[0].field", equalTo("size"));
        problem(anonymous().get("/api/v1/no-such-thing").then(), 404);
        problem(as(token).delete("/api/v1/challenges/" + publishedId).then(), 405);
    }
}
