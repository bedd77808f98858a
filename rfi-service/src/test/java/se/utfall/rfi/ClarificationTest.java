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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
class ClarificationTest {

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
        anonymous().get("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(200).body("$", hasSize(0));
        as(innovator(YSTAD)).get("/api/v1/rfis/" + rfiId + "/clarifications").then().body("$", hasSize(0));
        as(innovator(RAMSJO_SHOP)).get("/api/v1/rfis/" + rfiId + "/clarifications").then().body("$", hasSize(1));
        as(buyer(YSTAD)).header("If-Match", "\"0\"").body(Map.of("answer", "Ja"))
                .post("/api/v1/clarifications/" + id + "/answer").then().statusCode(404);

        try (EventTopic topic = EventTopic.from(Topics.RFIS)) {
            as(buyer(TOMELILLA)).header("If-Match", "\"0\"")
                    .body(Map.of("question", "Får flera organisationer svara tillsammans?",
                            "answer", "Ja, som konsortium; ange varje medlems roll."))
                    .post("/api/v1/clarifications/" + id + "/answer").then().statusCode(200)
                    .body("number", equalTo(1));
            anonymous().get("/api/v1/rfis/" + rfiId + "/clarifications").then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].question", equalTo("Får flera organisationer svara tillsammans?"))
                    .body("[0].askedQuestion", nullValue()).body("[0].askedAt", nullValue());
            EventTopic.Event e = topic.await(1, x -> rfiId.equals(x.key())
                    && EventTypes.CLARIFICATION_ANSWERED.equals(x.type())).get(0);
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
}
