package se.utfall.rfi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.rfi.service.RfiScheduler;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static se.utfall.rfi.Fixtures.LJUSDAL;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.YSTAD;
import static se.utfall.rfi.Fixtures.knownChallenge;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.rfi;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

@QuarkusTest
class RfiLifecycleIT {
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    RfiScheduler scheduler;

    private static String draft(String challengeId, UUID org, Instant opensAt, Instant closesAt) {
        return as(buyer(org)).body(rfi(challengeId, opensAt, closesAt)).post("/api/v1/rfis").then()
                .log().ifValidationFails().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
    }

    @Test
    void anRfiOpensAndClosesOnTimeOnceEachAndAnnouncesIt() {
        String challengeId = knownChallenge(TOMELILLA);
        // Margins for a busy machine: the draft and its publication must come before the opening.
        Instant opens = nowSeconds().plusSeconds(8);
        Instant closes = opens.plusSeconds(3);
        try (EventTopic topic = EventTopic.from(Topics.RFIS)) {
            String id = draft(challengeId, TOMELILLA, opens, closes);
            anonymous().get("/api/v1/rfis/" + id).then().statusCode(404);
            as(buyer(YSTAD)).get("/api/v1/rfis/" + id).then().statusCode(404);

            as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + id + "/publish").then()
                    .statusCode(200).body("status", equalTo("SCHEDULED")).body("acceptingResponses", equalTo(false))
                    .body("timeZone", equalTo("Europe/Stockholm"));
            anonymous().get("/api/v1/rfis/" + id).then().statusCode(200).body("municipalityCode", equalTo("1270"))
                    .body("questions[1].options[0]", equalTo("Utförare"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(
                    anonymous().get("/api/v1/rfis/" + id).then().extract().path("status")));
            await().atMost(Duration.ofSeconds(15)).until(() -> "CLOSED".equals(
                    anonymous().get("/api/v1/rfis/" + id).then().extract().path("status")));
            anonymous().get("/api/v1/rfis/" + id).then().body("acceptingResponses", equalTo(false))
                    .body("closedAt", equalTo(closes.atZone(ZoneId.of("Europe/Stockholm"))
                            .toOffsetDateTime().toString()));

            List<EventTopic.Event> events = topic.await(3, EventTopic.about(id));
            assertThat(events).extracting(EventTopic.Event::type).containsExactly(EventTypes.RFI_PUBLISHED,
                    EventTypes.RFI_OPENED, EventTypes.RFI_CLOSED);
            events.forEach(e -> assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty());
            // The window as the buyer wrote it, in Swedish calendar days, as the REST view shows it.
            JsonPath view = anonymous().get("/api/v1/rfis/" + id).then().extract().jsonPath();
            assertThat(events.get(0).body().path("firstDay").asText()).isEqualTo(view.getString("firstDay"))
                    .isNotEmpty();
            assertThat(events.get(0).body().path("lastDay").asText()).isEqualTo(view.getString("lastDay"))
                    .isNotEmpty();
            assertThat(topic.collect(EventTopic.about(id), Duration.ofSeconds(2))).hasSize(3);
        }
    }

    @Test
    void twoSchedulersRacingOpenAndCloseEachRfiOnce() throws Exception {
        String challengeId = knownChallenge(TOMELILLA);
        Instant opens = nowSeconds().plusSeconds(5);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = draft(challengeId, TOMELILLA, opens, opens.plusSeconds(2));
            as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + id + "/publish").then()
                    .statusCode(200);
            ids.add(id);
        }
        try (EventTopic topic = EventTopic.from(Topics.RFIS)) {
            // Two more replicas' worth of rounds, racing each other and the service's own scheduler thread.
            ExecutorService pool = Executors.newFixedThreadPool(2);
            long until = opens.plusSeconds(5).toEpochMilli();
            Callable<Integer> replica = () -> {
                int changed = 0;
                while (System.currentTimeMillis() < until) {
                    changed += scheduler.tick();
                    Thread.sleep(50);
                }
                return changed;
            };
            List<Future<Integer>> replicas = List.of(pool.submit(replica), pool.submit(replica));
            for (Future<Integer> f : replicas) {
                f.get();
            }
            pool.shutdown();
            for (String id : ids) {
                assertThat(Db.count("SELECT count(*) FROM audit_entry WHERE subject_type = 'rfi'"
                        + " AND subject_id = ?::uuid AND action = 'OPENED'",
                        id)).as(id).isEqualTo(1);
                assertThat(Db.count("SELECT count(*) FROM audit_entry WHERE subject_type = 'rfi'"
                        + " AND subject_id = ?::uuid AND action = 'CLOSED'",
                        id)).as(id).isEqualTo(1);
            }
            Map<String, Integer> perType = new HashMap<>();
            topic.collect(e -> ids.contains(e.key()), Duration.ofSeconds(5))
                    .forEach(e -> perType.merge(e.type(), 1, Integer::sum));
            assertThat(perType).containsEntry(EventTypes.RFI_OPENED, 5).containsEntry(EventTypes.RFI_CLOSED, 5);
        }
    }

    @Test
    void onlyABuyerOfAPublishedChallengeMayAskAboutItAndAnUnknownOneIsNotYetKnown() {
        String challengeId = knownChallenge(TOMELILLA, LJUSDAL);
        Instant opens = nowSeconds().plusSeconds(3600);
        as(buyer(YSTAD)).body(rfi(challengeId, opens, opens.plusSeconds(3600))).post("/api/v1/rfis").then()
                .statusCode(403).contentType("application/problem+json");
        as(innovator(YSTAD)).body(rfi(challengeId, opens, opens.plusSeconds(3600))).post("/api/v1/rfis").then()
                .statusCode(403);
        as(buyer(LJUSDAL)).body(rfi(challengeId, opens, opens.plusSeconds(3600))).post("/api/v1/rfis").then()
                .statusCode(201).body("ownerOrgId", equalTo(LJUSDAL.toString()));
        as(buyer(TOMELILLA)).body(rfi(UUID.randomUUID().toString(), opens, opens.plusSeconds(3600)))
                .post("/api/v1/rfis").then().statusCode(409).header("Retry-After", "1")
                .contentType("application/problem+json")
                .body("type", equalTo("https://utfall.se/problems/not-yet-known"))
                .body("errors[0].field", equalTo("challengeId"));
        assertThat(Db.count("SELECT count(*) FROM rfi WHERE challenge_id = ?::uuid", challengeId)).isEqualTo(1);
    }

    /**
     * One editing model, as for challenges: what GET gave can be sent back with one change (read-only fields
     * ignored, and of an end given as instant and day the changed one counts); PATCH changes only what it sends.
     */
    @Test
    void anRfiReadAndSentBackWithOneChangeIsTakenAndAPatchChangesOnlyWhatItSends() {
        String challengeId = knownChallenge(TOMELILLA);
        Instant opens = nowSeconds().plusSeconds(86_400);
        String id = draft(challengeId, TOMELILLA, opens, opens.plusSeconds(7 * 86_400));
        Map<String, Object> read = new HashMap<>(as(buyer(TOMELILLA)).get("/api/v1/rfis/" + id).then()
                .statusCode(200).body("challengeTitle", notNullValue()).extract().as(Map.class));
        LocalDate lastDay = LocalDate.parse((String) read.get("lastDay"));
        read.put("lastDay", lastDay.plusDays(3).toString());
        String closesAt = as(buyer(TOMELILLA)).header("If-Match", "\"0\"").body(read).put("/api/v1/rfis/" + id)
                .then().statusCode(200).body("lastDay", equalTo(lastDay.plusDays(3).toString())).extract()
                .path("closesAt");
        assertThat(OffsetDateTime.parse(closesAt).toInstant()).isEqualTo(lastDay.plusDays(4)
                .atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant());

        as(buyer(TOMELILLA)).header("If-Match", "\"1\"").contentType(MERGE_PATCH)
                .body("{\"title\": \"Hela barnet: nya vägar\"}").patch("/api/v1/rfis/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("title", equalTo("Hela barnet: nya vägar"))
                .body("lastDay", equalTo(lastDay.plusDays(3).toString()))
                .body("questions.size()", equalTo(2));
        // A patch meets every rule a PUT meets, with the version it read.
        as(buyer(TOMELILLA)).header("If-Match", "\"2\"").contentType(MERGE_PATCH)
                .body("{\"title\": \"\"}").patch("/api/v1/rfis/" + id).then().statusCode(400)
                .body("errors.field", hasItem("title"));
        as(buyer(TOMELILLA)).header("If-Match", "\"1\"").contentType(MERGE_PATCH)
                .body("{\"title\": \"Gammal\"}").patch("/api/v1/rfis/" + id).then().statusCode(412);
        as(buyer(YSTAD)).header("If-Match", "\"2\"").contentType(MERGE_PATCH)
                .body("{\"title\": \"Inte min\"}").patch("/api/v1/rfis/" + id).then().statusCode(404);
        as(buyer(TOMELILLA)).get("/api/v1/rfis/" + id).then().body("version", equalTo(2))
                .body("title", equalTo("Hela barnet: nya vägar"));
    }

    @Test
    void anAmendmentExtendsTheWindowPubliclyButCannotShortenIt() {
        String challengeId = knownChallenge(TOMELILLA);
        Instant opens = nowSeconds().minusSeconds(60);
        Instant closes = opens.plusSeconds(3600);
        String id = draft(challengeId, TOMELILLA, opens, closes);
        Map<String, Object> body = new HashMap<>(as(buyer(TOMELILLA)).header("If-Match", "\"0\"")
                .post("/api/v1/rfis/" + id + "/publish").then().statusCode(200).body("status", equalTo("OPEN"))
                .body("acceptingResponses", equalTo(true)).extract().as(Map.class));
        try (EventTopic topic = EventTopic.from(Topics.RFIS)) {
            body.put("closesAt", closes.plusSeconds(86_400).toString());
            body.remove("lastDay");
            body.put("amendmentNote", "Fler har bett om tid");
            as(buyer(TOMELILLA)).header("If-Match", "\"1\"").body(body).put("/api/v1/rfis/" + id).then()
                    .statusCode(200).body("amendments", equalTo(1));
            // Sent back unchanged: nothing is written, the version stays.
            Map<String, Object> same = new HashMap<>(as(buyer(TOMELILLA)).get("/api/v1/rfis/" + id).then()
                    .extract().as(Map.class));
            as(buyer(TOMELILLA)).header("If-Match", "\"2\"").body(same).put("/api/v1/rfis/" + id).then()
                    .statusCode(200).body("version", equalTo(2)).body("amendments", equalTo(1));
            anonymous().get("/api/v1/rfis/" + id + "/amendments").then().statusCode(200)
                    .body("items[0].fields", equalTo(List.of("closesAt")))
                    .body("items[0].note", equalTo("Fler har bett om tid"));
            assertThat(topic.await(1, EventTopic.about(id)).get(0).type()).isEqualTo(EventTypes.RFI_AMENDED);

            body.put("closesAt", closes.toString());
            as(buyer(TOMELILLA)).header("If-Match", "\"2\"").body(body).put("/api/v1/rfis/" + id).then()
                    .statusCode(409).body("errors.field", hasItem("closesAt"));
            as(buyer(YSTAD)).header("If-Match", "\"2\"").body(body).put("/api/v1/rfis/" + id).then().statusCode(404);
            anonymous().get("/api/v1/rfis/" + id).then().body("version", equalTo(2))
                    .body("closesAt", not(equalTo(closes.toString())));
        }
    }

    @Test
    void publicListsShowPublishedRfisAndNeverDrafts() {
        String challengeId = knownChallenge(TOMELILLA);
        Instant opens = nowSeconds().plusSeconds(3600);
        String hidden = draft(challengeId, TOMELILLA, opens, opens.plusSeconds(3600));
        String shown = draft(challengeId, TOMELILLA, opens, opens.plusSeconds(3600));
        as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + shown + "/publish").then()
                .statusCode(200);
        anonymous().queryParam("challenge", challengeId).get("/api/v1/rfis").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(shown));
        anonymous().queryParam("challenge", challengeId).queryParam("status", "DRAFT").get("/api/v1/rfis").then()
                .statusCode(400);
        anonymous().queryParam("q", "barn unga").queryParam("challenge", challengeId).get("/api/v1/rfis").then()
                .statusCode(200).body("items.id", hasItem(shown));
        as(buyer(TOMELILLA)).queryParam("size", 100).get("/api/v1/rfis/mine").then().statusCode(200)
                .body("items.id", hasItem(hidden));
    }
}
