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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static se.utfall.rfi.Fixtures.RAMSJO_SHOP;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.answers;
import static se.utfall.rfi.Fixtures.knownChallenge;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.rfi;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/**
 * Tomelilla's "Hela barnet" from the challenge event to the feedback, every step over HTTP and on the topics: the
 * RFI opens on time, a clarification reaches everyone, a consortium with an attachment and a second organisation
 * submit, a third is one second late and changes nothing, the buyer evaluates and shortlists, and the respondent
 * reads why.
 */
@QuarkusTest
class TomelillaJourneyIT {
    private static final UUID YOUTH_CLUB = UUID.randomUUID();
    private static final UUID LATECOMER = UUID.randomUUID();

    @Test
    void helaBarnet() {
        try (EventTopic rfis = EventTopic.from(Topics.RFIS);
                EventTopic responses = EventTopic.from(Topics.RESPONSES_INTERNAL)) {
            // A challenge event arrives on the topic; rfi-service learns the challenge from it.
            String challengeId = knownChallenge(TOMELILLA);
            Instant opens = nowSeconds().plusSeconds(5);
            Instant closes = opens.plusSeconds(20);

            // The buyer drafts and publishes the RFI; it is scheduled, then opens on time by itself.
            String rfiId = as(buyer(TOMELILLA)).body(rfi(challengeId, opens, closes)).post("/api/v1/rfis").then()
                    .statusCode(201).extract().path("id");
            as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + rfiId + "/publish").then()
                    .statusCode(200).body("status", equalTo("SCHEDULED"));
            await().atMost(Duration.ofSeconds(20)).until(() -> "OPEN".equals(anonymous().get("/api/v1/rfis/"
                    + rfiId).then().extract().path("status")));
            assertThat(Instant.now()).isAfterOrEqualTo(opens);
            ExtractableResponse<Response> rfi = anonymous().get("/api/v1/rfis/" + rfiId).then().statusCode(200)
                    .extract();

            // A respondent asks privately; the buyer's answer is published to everyone, without the asker.
            String question = as(innovator(YOUTH_CLUB)).body(Map.of("question",
                    "Vi är fritidsgården i Tomelilla: räknas föreningar som utförare?"))
                    .post("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(201).extract().path("id");
            as(buyer(TOMELILLA)).header("If-Match", "\"0\"").body(Map.of("question",
                    "Räknas föreningar som utförare?", "answer", "Ja, idéburna organisationer är välkomna."))
                    .post("/api/v1/clarifications/" + question + "/answer").then().statusCode(200);
            anonymous().get("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].answer", equalTo("Ja, idéburna organisationer är välkomna."));

            // The village shop and the campsite kitchen respond together, with their plan attached.
            String consortium = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId
                    + "/responses").then().statusCode(201).extract().path("id");
            as(innovator(RAMSJO_SHOP)).contentType("application/octet-stream").body(Files.pdf(50_000))
                    .header("If-Match", "\"0\"").queryParam("filename", "plan.pdf")
                    .post("/api/v1/responses/" + consortium + "/attachments").then().statusCode(201);
            String receipt = as(innovator(RAMSJO_SHOP)).header("If-Match", "\"1\"").post("/api/v1/responses/"
                    + consortium + "/submit").then().statusCode(200).extract().path("receiptSha256");
            // The youth club responds alone.
            Map<String, Object> club = new HashMap<>(answers(rfi));
            club.put("consortium", List.of());
            club.put("summary", "Fritidsgården når unga där de redan är");
            club.put("estimatedAnnualCost", Map.of("amount", 11_000_000, "currency", "SEK"));
            String alone = as(innovator(YOUTH_CLUB)).body(club).post("/api/v1/rfis/" + rfiId + "/responses").then()
                    .statusCode(201).extract().path("id");
            as(innovator(YOUTH_CLUB)).header("If-Match", "\"0\"").post("/api/v1/responses/" + alone + "/submit")
                    .then().statusCode(200);
            // A third organisation has a draft, and tries one second after the close.
            String late = as(innovator(LATECOMER)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses")
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(closes.plusSeconds(1)));
            as(innovator(LATECOMER)).header("If-Match", "\"0\"").post("/api/v1/responses/" + late + "/submit")
                    .then().statusCode(409).body("type", equalTo("https://utfall.se/problems/rfi-closed"));
            as(innovator(LATECOMER)).get("/api/v1/responses/" + late).then().body("status", equalTo("DRAFT"))
                    .body("receiptSha256", nullValue());
            assertThat(Db.count("SELECT count(*) FROM rfi_response WHERE rfi_id = ?::uuid AND status = 'SUBMITTED'",
                    rfiId)).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(anonymous().get("/api/v1/rfis/"
                    + rfiId).then().extract().path("status")));

            // The buyer evaluates: the consortium scores higher and is shortlisted.
            String effect = rfi.path("criteria[0].id");
            String cost = rfi.path("criteria[1].id");
            as(buyer(TOMELILLA)).body(Map.of("scores", List.of(Map.of("criterionId", effect, "score", 5),
                    Map.of("criterionId", cost, "score", 4)))).put("/api/v1/responses/" + consortium + "/scores")
                    .then().statusCode(200);
            as(buyer(TOMELILLA)).body(Map.of("scores", List.of(Map.of("criterionId", effect, "score", 3),
                    Map.of("criterionId", cost, "score", 3)))).put("/api/v1/responses/" + alone + "/scores")
                    .then().statusCode(200);
            as(buyer(TOMELILLA)).get("/api/v1/rfis/" + rfiId + "/evaluation").then().statusCode(200)
                    .body("responses.responseId", equalTo(List.of(consortium, alone)))
                    .body("responses[0].consortium[0].role", equalTo("Lagar maten"));
            as(buyer(TOMELILLA)).header("If-Match", "\"2\"").body(Map.of("decision", "SHORTLISTED",
                    "feedback", "Lokalt, billigare än i dag och med mat för barnen."))
                    .put("/api/v1/responses/" + consortium + "/decision").then().statusCode(200);
            as(buyer(TOMELILLA)).header("If-Match", "\"1\"").body(Map.of("decision", "NOT_SHORTLISTED",
                    "feedback", "En bra idé; vi bjuder in till dialog i nästa steg."))
                    .put("/api/v1/responses/" + alone + "/decision").then().statusCode(200);
            String rfiEtag = as(buyer(TOMELILLA)).get("/api/v1/rfis/" + rfiId).then().extract().header("ETag");
            as(buyer(TOMELILLA)).header("If-Match", rfiEtag).post("/api/v1/rfis/" + rfiId + "/evaluation/complete")
                    .then().statusCode(200).body("status", equalTo("EVALUATED"));

            // The respondent reads its feedback; its receipt still verifies.
            as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + consortium).then().statusCode(200)
                    .body("outcome.decision", equalTo("SHORTLISTED"))
                    .body("outcome.feedback", equalTo("Lokalt, billigare än i dag och med mat för barnen."));
            as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + consortium + "/receipt").then()
                    .body("sha256", equalTo(receipt)).body("matches", equalTo(true));

            // On the public topic, the RFI's life in order under its key, the clarification under its own (the
            // topic is compacted: the RFI's newest state must stay its key's last record); nothing about
            // respondents.
            List<EventTopic.Event> published = new ArrayList<>(rfis.await(4, e -> rfiId.equals(e.key()),
                    Duration.ofSeconds(30)));
            assertThat(published).extracting(EventTopic.Event::type).containsExactly(EventTypes.RFI_PUBLISHED,
                    EventTypes.RFI_OPENED, EventTypes.RFI_CLOSED, EventTypes.RFI_EVALUATED);
            published.addAll(rfis.await(1, e -> EventTypes.CLARIFICATION_ANSWERED.equals(e.type())
                    && rfiId.equals(e.body().path("rfiId").asText()), Duration.ofSeconds(30)));
            published.forEach(e -> assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty());
            assertThat(published.toString()).doesNotContain("fritidsgården").doesNotContain(RAMSJO_SHOP.toString())
                    .doesNotContain(YOUTH_CLUB.toString()).doesNotContain("SHORTLISTED");
            // On the internal topic, the two submissions and the two decisions; never the late one.
            List<EventTopic.Event> internal = responses.await(4, e -> rfiId.equals(e.key()), Duration.ofSeconds(30));
            assertThat(internal).extracting(EventTopic.Event::type).containsExactly(EventTypes.RESPONSE_SUBMITTED,
                    EventTypes.RESPONSE_SUBMITTED, EventTypes.RESPONSE_SHORTLISTED,
                    EventTypes.RESPONSE_NOT_SHORTLISTED);
            assertThat(internal.get(2).body().path("id").asText()).isEqualTo(consortium);
            assertThat(internal.get(2).body().path("consortium").path(0).path("name").asText())
                    .isEqualTo("Ramsjö Camping (kök)");
            assertThat(responses.collect(e -> rfiId.equals(e.key()), Duration.ofSeconds(2))).hasSize(4);
            assertThat(internal.toString()).doesNotContain(late).doesNotContain("Lokalt, billigare");
        }
    }
}
