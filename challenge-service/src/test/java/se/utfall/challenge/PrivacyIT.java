package se.utfall.challenge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.challenge.Fixtures.TOMELILLA;
import static se.utfall.testing.Api.admin;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/** What was never published stays private; what is about people stays with the buyers, and can be erased. */
@QuarkusTest
class PrivacyIT {
    private static final String PERSONAL = "Anna, 87, bor ensam vid kyrkan och äter bara varannan dag";

    private static String create(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/challenges").then().statusCode(201).extract().path("id");
    }

    @Test
    void aShelvedDraftStaysPrivate() {
        String token = buyer(LJUSDAL);
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("title", "Hyllat utkast " + UUID.randomUUID());
        String id = create(token, body);
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/archive").then().statusCode(200)
                .body("status", equalTo("ARCHIVED")).body("publishedAt", nullValue());

        anonymous().get("/api/v1/challenges/" + id).then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/api/v1/challenges/" + id + "/history").then().statusCode(404);
        anonymous().get("/api/v1/challenges/" + id + "/workshops").then().statusCode(404);
        as(buyer(TOMELILLA)).get("/api/v1/challenges/" + id).then().statusCode(404);
        anonymous().queryParam("status", "ARCHIVED").queryParam("size", 100).get("/api/v1/challenges").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        anonymous().queryParam("status", "ARCHIVED").queryParam("q", body.get("title")).get("/api/v1/challenges")
                .then().statusCode(200).body("total", equalTo(0));
        as(token).get("/api/v1/challenges/" + id).then().statusCode(200);
        as(token).queryParam("status", "ARCHIVED").get("/api/v1/challenges/mine").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void internalNeedInsightsNeverLeaveTheBuyingOrganisations() {
        String token = buyer(LJUSDAL);
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("coBuyerOrgIds", List.of(TOMELILLA.toString()));
        body.put("needInsights", List.of(
                Map.of("source", "HOME_VISIT", "text", PERSONAL),
                Map.of("source", "STATISTICS", "text", "12 av 40 brukare äter mindre än ett mål om dagen"),
                Map.of("source", "INTERVIEW", "text", "Vi vill äta tillsammans", "visibility", "PUBLIC")));
        String id = create(token, body);
        try (EventTopic topic = EventTopic.from(Topics.CHALLENGES)) {
            as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200)
                    .body("needInsights.visibility", equalTo(List.of("INTERNAL", "PUBLIC", "PUBLIC")));
            anonymous().get("/api/v1/challenges/" + id).then().statusCode(200)
                    .body("needInsights.text", equalTo(List.of("12 av 40 brukare äter mindre än ett mål om dagen",
                            "Vi vill äta tillsammans")));
            as(innovator(UUID.randomUUID())).get("/api/v1/challenges/" + id).then().statusCode(200)
                    .body("needInsights.size()", equalTo(2));
            as(buyer(TOMELILLA)).get("/api/v1/challenges/" + id).then().statusCode(200)
                    .body("needInsights.text", hasItem(PERSONAL));
            EventTopic.Event published = topic.await(1, EventTopic.about(id)).get(0);
            assertThat(published.type()).isEqualTo(EventTypes.CHALLENGE_PUBLISHED);
            assertThat(published.body().toString()).doesNotContain("Anna, 87");
            assertThat(published.body().path("needInsights")).hasSize(2);

            // A PUT that does not restate visibility keeps an internal insight internal (fails closed) ...
            List<Map<String, Object>> stored = as(token).get("/api/v1/challenges/" + id).then().extract()
                    .path("needInsights");
            List<Map<String, Object>> insights = new ArrayList<>();
            for (Map<String, Object> i : stored) {
                Map<String, Object> in = new HashMap<>(i);
                in.remove("visibility");
                in.remove("observedOn");
                insights.add(in);
            }
            insights.get(0).put("text", PERSONAL + " (uppföljning)");
            body.put("needInsights", insights);
            body.put("outcomeGoals", as(token).get("/api/v1/challenges/" + id).then().extract().path("outcomeGoals"));
            body.put("processTrail", as(token).get("/api/v1/challenges/" + id).then().extract().path("processTrail"));
            as(token).header("If-Match", "\"1\"").body(body).put("/api/v1/challenges/" + id).then().statusCode(200)
                    .body("needInsights.visibility", equalTo(List.of("INTERNAL", "PUBLIC", "PUBLIC")));
            // ... and a change of internal insights only is neither a public amendment nor news for partners.
            anonymous().get("/api/v1/challenges/" + id + "/history").then().statusCode(200)
                    .body("items.action", equalTo(List.of("PUBLISHED")));
            assertThat(topic.collect(EventTopic.about(id), Duration.ofSeconds(3))).hasSize(1);
            as(token).get("/api/v1/challenges/" + id + "/history").then()
                    .body("items.action", equalTo(List.of("CREATED", "PUBLISHED", "UPDATED")));
        }
    }

    @Test
    void thePublicHistoryShowsThatAFieldChangedButNotTheTextAndAnAdminCanEraseIt() {
        String token = buyer(LJUSDAL);
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("problemStatement", PERSONAL + ". Maten kommer på tisdagar.");
        String id = create(token, body);
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        body.put("problemStatement", "Äldre i byn vill ha färsk mat varje dag, nära hemmet.");
        body.put("amendmentNote", "Personuppgifter borttagna");
        as(token).header("If-Match", "\"1\"").body(body).put("/api/v1/challenges/" + id).then().statusCode(200);

        String publicHistory = anonymous().get("/api/v1/challenges/" + id + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("PUBLISHED", "AMENDED")))
                .body("items[1].changedFields", hasItem("problemStatement"))
                .body("items[1].changes", nullValue())
                .body("items[1].actor", nullValue())
                .extract().asString();
        assertThat(publicHistory).doesNotContain("Anna");
        assertThat(as(token).get("/api/v1/challenges/" + id + "/history").then().statusCode(200)
                .body("items.find { it.action == 'AMENDED' }.actor", equalTo("buyer-2161a000"))
                .extract().asString()).contains("Anna, 87");

        // Paged: one entry per page, with the total.
        anonymous().queryParam("size", 1).queryParam("page", 1).get("/api/v1/challenges/" + id + "/history").then()
                .statusCode(200).body("total", equalTo(2)).body("items.action", equalTo(List.of("AMENDED")));

        // Erasure on request (GDPR art. 17): buyers cannot, an admin can; the redaction is itself recorded.
        Map<String, Object> redaction = Map.of("text", "Anna, 87, bor ensam vid kyrkan",
                "reason", "Begäran om radering, ärende 2026/118");
        as(token).body(redaction).post("/api/v1/challenges/" + id + "/history/redactions").then().statusCode(403)
                .contentType("application/problem+json");
        as(admin()).body(redaction).post("/api/v1/challenges/" + id + "/history/redactions").then().statusCode(200)
                .body("redactedEntries", equalTo(2));
        String after = as(token).get("/api/v1/challenges/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItem("REDACTED"))
                .body("items.find { it.action == 'AMENDED' }.redacted", equalTo(true))
                .body("items.find { it.action == 'PUBLISHED' }.redacted", equalTo(false))
                .extract().asString();
        assertThat(after).doesNotContain("Anna, 87").contains("[raderat]");
        List<String> stored = new ArrayList<>();
        Db.rows("SELECT changes, note FROM audit_entry WHERE subject_type = 'challenge' AND subject_id = ?",
                UUID.fromString(id))
                .forEach(r -> stored.add(r.toString()));
        assertThat(stored).noneMatch(s -> s.contains("Anna, 87"));
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND payload LIKE ?", id,
                "%Anna, 87%")).as("nor in the retained outbox rows").isZero();
        // The redacted events are still valid events, numbers and all.
        Db.rows("SELECT event_type, payload FROM outbox_event WHERE aggregate_id = ?", id).forEach(r -> {
            try {
                var payload = new ObjectMapper().readTree((String) r.get("payload"));
                assertThat(EventSchemas.validate((String) r.get("event_type"), payload)).isEmpty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND payload LIKE ?", id,
                "%\"amount\":78.50%")).as("decimals kept as written").isPositive();
    }
}
