package se.utfall.rfi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static se.utfall.rfi.Fixtures.LJUSDAL;
import static se.utfall.rfi.Fixtures.RAMSJO_SHOP;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.YSTAD;
import static se.utfall.rfi.Fixtures.answers;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.publishedRfi;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;
import static se.utfall.testing.Api.tokens;

@QuarkusTest
class EvaluationIT {
    private static final UUID FOODBOX = UUID.randomUUID();

    private static String submitted(UUID org, ExtractableResponse<Response> rfi, Map<String, Object> body) {
        String id = as(innovator(org)).body(body).post("/api/v1/rfis/" + rfi.path("id") + "/responses").then()
                .statusCode(201).extract().path("id");
        as(innovator(org)).header("If-Match", "\"0\"").post("/api/v1/responses/" + id + "/submit").then()
                .statusCode(200);
        return id;
    }

    private static Map<String, Object> score(String criterionId, int score, String comment) {
        return Map.of("criterionId", criterionId, "score", score, "comment", comment);
    }

    @Test
    void evaluatorsScoreTheBuyerDecidesAndEachRespondentReadsItsFeedbackOnceCompleted() {
        Instant closes = nowSeconds().plusSeconds(8);
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), closes);
        String rfiId = rfi.path("id");
        String effect = rfi.path("criteria[0].id");
        String cost = rfi.path("criteria[1].id");
        String shop = submitted(RAMSJO_SHOP, rfi, answers(rfi));
        Map<String, Object> box = new HashMap<>(answers(rfi));
        box.put("consortium", List.of());
        box.put("summary", "Färdiga matlådor från vårt kök i Hudiksvall");
        box.put("estimatedAnnualCost", Map.of("amount", 13_000_000, "currency", "SEK"));
        String foodbox = submitted(FOODBOX, rfi, box);
        String evaluator1 = buyer(TOMELILLA);
        String evaluator2 = tokens().person("evaluator-2", "Karin Lund", "buyer", TOMELILLA, "Tomelilla kommun");

        // Nothing is scored while the window is open.
        as(evaluator1).body(Map.of("scores", List.of(score(effect, 5, "")))).put("/api/v1/responses/" + shop
                + "/scores").then().statusCode(409);
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                "SELECT count(*) FROM rfi WHERE id = ?::uuid AND status = 'CLOSED'", rfiId) == 1);

        as(evaluator1).body(Map.of("scores", List.of(score(effect, 5, "Lokalt och nära barnen"),
                score(cost, 4, "Under dagens kostnad")))).put("/api/v1/responses/" + shop + "/scores").then()
                .statusCode(200).body("weightedTotal", equalTo(92.0f));
        as(evaluator2).body(Map.of("scores", List.of(score(effect, 4, "Bra"), score(cost, 4, ""))))
                .put("/api/v1/responses/" + shop + "/scores").then().statusCode(200)
                .body("weightedTotal", equalTo(86.0f)).body("evaluators.size()", equalTo(2))
                // Shown by the name in their token, never by the token's subject.
                .body("evaluators.evaluatorName", hasItem("Karin Lund"))
                .body("criteria[0].scores.evaluatorName", hasItem("Karin Lund"));
        as(evaluator1).body(Map.of("scores", List.of(score(effect, 2, "Långt bort"), score(cost, 3, ""))))
                .put("/api/v1/responses/" + foodbox + "/scores").then().statusCode(200);
        // Changing one's own scores takes their ETag: from the answer, or read back as a body to send again.
        as(evaluator1).body(Map.of("scores", List.of(score(effect, 4, "")))).put("/api/v1/responses/" + shop
                + "/scores").then().statusCode(428);
        String mine = as(evaluator1).get("/api/v1/responses/" + shop + "/scores/mine").then().statusCode(200)
                .body("scores.size()", equalTo(2)).extract().header("ETag");
        as(evaluator1).header("If-Match", "\"s0000000000000000\"").body(Map.of("scores", List.of(score(effect, 4,
                "")))).put("/api/v1/responses/" + shop + "/scores").then().statusCode(412);
        String again = as(evaluator1).header("If-Match", mine).body(Map.of("scores", List.of(
                score(effect, 5, "Lokalt och nära barnen"), score(cost, 4, "Under dagens kostnad"))))
                .put("/api/v1/responses/" + shop + "/scores").then().statusCode(200).extract().header("ETag");
        assertThat(again).isEqualTo(mine);
        // Evaluator 2 has scored only one criterion: that total does not count yet.
        as(evaluator2).body(Map.of("scores", List.of(score(effect, 1, ""))))
                .put("/api/v1/responses/" + foodbox + "/scores").then().statusCode(200)
                .body("weightedTotal", equalTo(48.0f)).body("evaluators.complete", hasItem(false));

        // Unhappy: unknown criterion, out of scale, another buyer, a respondent, no token; nothing stored.
        long scores = Db.count("SELECT count(*) FROM evaluation_score WHERE rfi_id = ?::uuid", rfiId);
        as(evaluator1).body(Map.of("scores", List.of(score(UUID.randomUUID().toString(), 3, ""))))
                .put("/api/v1/responses/" + shop + "/scores").then().statusCode(400)
                .body("errors.field", hasItem("scores[0].criterionId"));
        as(evaluator1).body(Map.of("scores", List.of(score(effect, 6, "")))).put("/api/v1/responses/" + shop
                + "/scores").then().statusCode(400);
        as(evaluator1).body(Map.of("scores", List.of(score(effect, 3, ""), score(effect, 4, ""))))
                .put("/api/v1/responses/" + shop + "/scores").then().statusCode(400);
        as(buyer(YSTAD)).body(Map.of("scores", List.of(score(effect, 0, "")))).put("/api/v1/responses/" + shop
                + "/scores").then().statusCode(404);
        as(innovator(RAMSJO_SHOP)).body(Map.of("scores", List.of(score(effect, 5, ""))))
                .put("/api/v1/responses/" + shop + "/scores").then().statusCode(403);
        anonymous().body(Map.of("scores", List.of())).put("/api/v1/responses/" + shop + "/scores").then()
                .statusCode(401);
        as(buyer(YSTAD)).get("/api/v1/rfis/" + rfiId + "/evaluation").then().statusCode(404);
        assertThat(Db.count("SELECT count(*) FROM evaluation_score WHERE rfi_id = ?::uuid", rfiId))
                .isEqualTo(scores);

        // Side by side, highest total first, with cost against the baseline and the consortium.
        as(evaluator1).get("/api/v1/rfis/" + rfiId + "/evaluation").then().statusCode(200)
                .body("responses.responseId", equalTo(List.of(shop, foodbox)))
                .body("responses[0].weightedTotal", equalTo(86.0f))
                .body("responses[0].consortium[0].name", equalTo("Ramsjö Camping (kök)"))
                .body("responses[0].costComparison.notMoreExpensive", equalTo(true))
                .body("responses[1].costComparison.notMoreExpensive", equalTo(false))
                .body("responses[0].criteria[0].mean", equalTo(4.5f))
                .body("baselinePerYear.amount", equalTo(12_000_000.0f));

        // Completing needs a decision on every submitted response.
        String rfiEtag = as(evaluator1).get("/api/v1/rfis/" + rfiId).then().extract().header("ETag");
        as(evaluator1).header("If-Match", rfiEtag).post("/api/v1/rfis/" + rfiId + "/evaluation/complete").then()
                .statusCode(422);
        String shopEtag = as(evaluator1).get("/api/v1/responses/" + shop).then().extract().header("ETag");
        as(evaluator1).header("If-Match", shopEtag).body(Map.of("decision", "SHORTLISTED",
                "feedback", "Lokal förankring och lägre kostnad än idag.")).put("/api/v1/responses/" + shop
                + "/decision").then().statusCode(200).body("decision", equalTo("SHORTLISTED"));
        as(evaluator1).header("If-Match", shopEtag).body(Map.of("decision", "NOT_SHORTLISTED", "feedback", "x"))
                .put("/api/v1/responses/" + shop + "/decision").then().statusCode(412);
        as(evaluator1).header("If-Match", "\"1\"").body(Map.of("decision", "MAYBE", "feedback", "x"))
                .put("/api/v1/responses/" + foodbox + "/decision").then().statusCode(400);
        as(evaluator1).header("If-Match", "\"1\"").body(Map.of("decision", "NOT_SHORTLISTED",
                "feedback", "Bra kök, men för långt från Ramsjö för varm mat varje dag.")).put("/api/v1/responses/"
                + foodbox + "/decision").then().statusCode(200);
        // Before the completion the respondent does not see the decision.
        as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + shop).then().statusCode(200)
                .body("outcome", nullValue());

        try (EventTopic internal = EventTopic.from(Topics.RESPONSES_INTERNAL);
                EventTopic publicRfis = EventTopic.from(Topics.RFIS)) {
            as(innovator(LJUSDAL)).header("If-Match", rfiEtag).post("/api/v1/rfis/" + rfiId
                    + "/evaluation/complete").then().statusCode(403);
            as(evaluator1).header("If-Match", rfiEtag).post("/api/v1/rfis/" + rfiId + "/evaluation/complete")
                    .then().statusCode(200).body("status", equalTo("EVALUATED"));
            anonymous().get("/api/v1/rfis/" + rfiId).then().statusCode(200).body("status", equalTo("EVALUATED"));

            as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + shop).then().statusCode(200)
                    .body("outcome.decision", equalTo("SHORTLISTED"))
                    .body("outcome.feedback", equalTo("Lokal förankring och lägre kostnad än idag."))
                    .body("outcome.finalised", equalTo(true));
            as(innovator(FOODBOX)).get("/api/v1/responses/" + foodbox).then().statusCode(200)
                    .body("outcome.decision", equalTo("NOT_SHORTLISTED"));
            // Final: no more scores or decisions, no second completion.
            as(evaluator2).body(Map.of("scores", List.of(score(cost, 1, "")))).put("/api/v1/responses/" + foodbox
                    + "/scores").then().statusCode(409);
            as(evaluator1).header("If-Match", rfiEtag).post("/api/v1/rfis/" + rfiId + "/evaluation/complete")
                    .then().statusCode(412);

            List<EventTopic.Event> outcomes = internal.await(2, e -> rfiId.equals(e.key()));
            EventTopic.Event shortlisted = outcomes.stream()
                    .filter(e -> e.type().equals(EventTypes.RESPONSE_SHORTLISTED)).findFirst().orElseThrow();
            EventTopic.Event notShortlisted = outcomes.stream()
                    .filter(e -> e.type().equals(EventTypes.RESPONSE_NOT_SHORTLISTED)).findFirst().orElseThrow();
            outcomes.forEach(e -> assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty());
            assertThat(shortlisted.body().path("consortium").path(0).path("role").asText()).isEqualTo("Lagar maten");
            assertThat(shortlisted.body().path("estimatedAnnualCost").path("amount").asDouble()).isEqualTo(9.5e6);
            assertThat(shortlisted.body().path("weightedTotal").asDouble()).isEqualTo(86.0);
            assertThat(shortlisted.body().toString()).doesNotContain("Lokal förankring")
                    .doesNotContain("Vi lagar i campingens kök").doesNotContain("Utförare");
            assertThat(notShortlisted.body().path("summary").isNull()).isTrue();
            assertThat(notShortlisted.body().toString()).doesNotContain("Hudiksvall");

            EventTopic.Event evaluated = publicRfis.await(1, e -> rfiId.equals(e.key())
                    && EventTypes.RFI_EVALUATED.equals(e.type())).get(0);
            assertThat(evaluated.body().path("status").asText()).isEqualTo("EVALUATED");
            assertThat(evaluated.body().toString()).doesNotContain("SHORTLISTED").doesNotContain("Lokal förankring");
        }

        // The audit history: the buyer sees who scored and decided; the respondent only its own actions.
        as(evaluator1).get("/api/v1/responses/" + shop + "/history").then().statusCode(200)
                .body("items.action", hasItem("SCORED")).body("items.action", hasItem("DECIDED"))
                .body("items.action", hasItem("RESPONSE_SUBMITTED"));
        as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + shop + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("RESPONSE_CREATED", "RESPONSE_SUBMITTED")));
        as(innovator(FOODBOX)).get("/api/v1/responses/" + shop + "/history").then().statusCode(404);
        as(evaluator1).get("/api/v1/rfis/" + rfiId + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "PUBLISHED", "OPENED", "CLOSED", "EVALUATED")));
        as(buyer(YSTAD)).get("/api/v1/rfis/" + rfiId + "/history").then().statusCode(404);
    }
}
