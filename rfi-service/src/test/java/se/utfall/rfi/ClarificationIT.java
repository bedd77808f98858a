package se.utfall.rfi;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static se.utfall.rfi.Fixtures.RAMSJO_SHOP;
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
class ClarificationIT {

    private static String publishedRfi(Instant closes) {
        String challengeId = knownChallenge(TOMELILLA);
        String id = as(buyer(TOMELILLA)).body(rfi(challengeId, nowSeconds().minusSeconds(60), closes))
                .post("/api/v1/rfis").then().statusCode(201).extract().path("id");
        as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + id + "/publish").then()
                .statusCode(200);
        return id;
    }

    @Test
    void anAnswerReachesEveryoneWithoutSayingWhoAsked() {
        String rfiId = publishedRfi(nowSeconds().plusSeconds(3600));
        String asked = "Vi är Ramsjö Livs: får vi svara tillsammans med campingen?";
        String id = as(innovator(RAMSJO_SHOP)).body(Map.of("question", asked))
                .post("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(201)
                .body("askedQuestion", equalTo(asked)).extract().path("id");
        anonymous().get("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
        as(innovator(YSTAD)).get("/api/v1/rfis/" + rfiId + "/clarifications").then().body("items", hasSize(0));
        as(innovator(RAMSJO_SHOP)).get("/api/v1/rfis/" + rfiId + "/clarifications").then()
                .body("items", hasSize(1)).body("items[0].etag", equalTo("\"0\""));
        as(buyer(YSTAD)).header("If-Match", "\"0\"").body(Map.of("answer", "Ja"))
                .post("/api/v1/clarifications/" + id + "/answer").then().statusCode(404);

        try (EventTopic topic = EventTopic.from(Topics.RFIS)) {
            as(buyer(TOMELILLA)).header("If-Match", "\"0\"")
                    .body(Map.of("question", "Får flera organisationer svara tillsammans?",
                            "answer", "Ja, som konsortium; ange varje medlems roll."))
                    .post("/api/v1/clarifications/" + id + "/answer").then().statusCode(200)
                    .body("number", equalTo(1));
            anonymous().get("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].question", equalTo("Får flera organisationer svara tillsammans?"))
                    .body("items[0].askedQuestion", nullValue()).body("items[0].askedAt", nullValue());
            // Keyed by the clarification (the topic is compacted: the RFI's key stays with the RFI's own state).
            EventTopic.Event e = topic.await(1, x -> id.equals(x.key())
                    && EventTypes.CLARIFICATION_ANSWERED.equals(x.type())).get(0);
            assertThat(e.body().path("rfiId").asText()).isEqualTo(rfiId);
            assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty();
            // The version a partner compares with the REST API's ETag ("1" after the answer).
            assertThat(e.body().path("version").asLong()).isEqualTo(1);
            assertThat(e.body().toString()).doesNotContain("Ramsjö").doesNotContain(RAMSJO_SHOP.toString());
        }
        as(buyer(TOMELILLA)).header("If-Match", "\"1\"").body(Map.of("answer", "Igen"))
                .post("/api/v1/clarifications/" + id + "/answer").then().statusCode(409);
    }

    @Test
    void nothingIsAskedAfterTheClose() {
        Instant closes = nowSeconds().plusSeconds(6);
        String rfiId = publishedRfi(closes);
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(closes));
        as(innovator(RAMSJO_SHOP)).body(Map.of("question", "För sent?"))
                .post("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/rfi-closed"));
        assertThat(Db.count("SELECT count(*) FROM clarification WHERE rfi_id = ?::uuid", rfiId)).isZero();
    }

    /**
     * One organisation cannot flood a buyer with questions (150 in 9.6 s once all got 201): 20 per RFI an hour,
     * then 429 with Retry-After and nothing stored — also when the burst arrives in parallel. Others still ask.
     */
    @Test
    void anOrganisationsQuestionsAreLimitedPerRfiAlsoInAParallelBurst() throws Exception {
        String rfiId = publishedRfi(nowSeconds().plusSeconds(3600));
        UUID flooder = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                answers.add(pool.submit(() -> as(innovator(flooder)).body(Map.of("question", "Fråga " + n))
                        .post("/api/v1/rfis/" + rfiId + "/clarifications").then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(st -> st == 201).hasSize(20);
            assertThat(statuses).filteredOn(st -> st == 429).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        as(innovator(flooder)).body(Map.of("question", "En till?"))
                .post("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://utfall.se/problems/too-many"))
                .header("Retry-After", Integer::parseInt, both(greaterThan(3000)).and(lessThanOrEqualTo(3601)));
        assertThat(Db.count("SELECT count(*) FROM clarification WHERE rfi_id = ?::uuid"
                + " AND asked_by_org_id = ?::uuid", rfiId, flooder.toString())).isEqualTo(20);
        as(innovator(RAMSJO_SHOP)).body(Map.of("question", "Vi undrar också"))
                .post("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(201);
        // The buyer pages through them (21 unanswered questions), not one page of everything.
        as(buyer(TOMELILLA)).queryParam("size", 5).queryParam("page", 4)
                .get("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(200)
                .body("total", equalTo(21)).body("items", hasSize(1)).body("size", equalTo(5));
        as(buyer(TOMELILLA)).queryParam("size", 101).get("/api/v1/rfis/" + rfiId + "/clarifications").then()
                .statusCode(400);
    }
}
