package se.utfall.rfi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.utfall.testing.Db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static se.utfall.rfi.Fixtures.RAMSJO_SHOP;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.answers;
import static se.utfall.rfi.Fixtures.knownChallenge;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.publishedRfi;
import static se.utfall.rfi.Fixtures.rfi;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/** Bad input to RFIs and responses: each refused with the right 4xx problem, and nothing stored or changed. */
@QuarkusTest
class BadInputIT {

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", containsString("https://utfall.se/problems/")).body("title", Matchers.notNullValue());
    }

    private static long rfisOf(String challengeId) {
        return Db.count("SELECT count(*) FROM rfi WHERE challenge_id = ?::uuid", challengeId);
    }

    @Test
    void malformedWrongTypesMissingFieldsAndMediaType() {
        String challenge = knownChallenge(TOMELILLA);
        String token = buyer(TOMELILLA);
        problem(as(token).body("{\"title\": \"Hela barnet\", ").post("/api/v1/rfis").then(), 400)
                .body("detail", containsString("not valid JSON"));
        Map<String, Object> body = new HashMap<>(rfi(challenge, nowSeconds().plusSeconds(60),
                nowSeconds().plusSeconds(3600)));
        body.put("questions", "Beskriv er idé");
        problem(as(token).body(body).post("/api/v1/rfis").then(), 400);
        body = new HashMap<>(rfi(challenge, nowSeconds().plusSeconds(60), nowSeconds().plusSeconds(3600)));
        body.remove("title");
        body.put("description", "x".repeat(20_001));
        problem(as(token).body(body).post("/api/v1/rfis").then(), 400).body("errors.field", hasItem("title"));
        body = new HashMap<>(rfi(challenge, nowSeconds().plusSeconds(60), nowSeconds().plusSeconds(3600)));
        body.put("closesAt", "den 27 maj");
        problem(as(token).body(body).post("/api/v1/rfis").then(), 400);
        problem(as(token).contentType("text/plain").body("Hela barnet").post("/api/v1/rfis").then(), 415);
        problem(as(token).post("/api/v1/rfis").then(), 400);
        assertThat(rfisOf(challenge)).isZero();
    }

    @Test
    void questionsOrCriteriaSentBackWithTheSameIdAreRefused() {
        String challenge = knownChallenge(TOMELILLA);
        Map<String, Object> body = new HashMap<>(rfi(challenge, nowSeconds().plusSeconds(60),
                nowSeconds().plusSeconds(3600)));
        String q = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        body.put("questions", List.of(Map.of("id", q, "text", "Beskriv er idé", "type", "TEXT", "maxLength", 400),
                Map.of("id", q, "text", "Vad kostar det?", "type", "NUMBER")));
        body.put("criteria", List.of(Map.of("id", c, "name", "Effekt", "weight", 60),
                Map.of("id", c, "name", "Kostnad", "weight", 40)));
        problem(as(buyer(TOMELILLA)).body(body).post("/api/v1/rfis").then(), 400)
                .body("errors.field", hasItem("questions[1].id"))
                .body("errors.field", hasItem("criteria[1].id"));
        assertThat(rfisOf(challenge)).isZero();
    }

    @Test
    void publishingNeedsTheVersionTheBuyerRead() {
        String challenge = knownChallenge(TOMELILLA);
        String id = as(buyer(TOMELILLA)).body(rfi(challenge, nowSeconds().plusSeconds(60),
                nowSeconds().plusSeconds(3600))).post("/api/v1/rfis").then().statusCode(201).extract().path("id");
        problem(as(buyer(TOMELILLA)).post("/api/v1/rfis/" + id + "/publish").then(), 428);
        problem(as(buyer(TOMELILLA)).header("If-Match", "\"7\"").post("/api/v1/rfis/" + id + "/publish").then(),
                412);
        // A weak tag cannot guard a change (RFC 9110): as good as none.
        problem(as(buyer(TOMELILLA)).header("If-Match", "W/\"0\"").post("/api/v1/rfis/" + id + "/publish").then(),
                428);
        assertThat(Db.rows("SELECT status, version FROM rfi WHERE id = ?::uuid", id).get(0))
                .containsEntry("status", "DRAFT").containsEntry("version", 0L);
        problem(as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + UUID.randomUUID()
                + "/publish").then(), 404);
    }

    @Test
    void submittingTwiceIsAConflictAndChangesNothing() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id")
                + "/responses").then().statusCode(201).extract().path("id");
        String receipt = as(innovator(RAMSJO_SHOP)).header("If-Match", "\"0\"").post("/api/v1/responses/" + id
                + "/submit").then().statusCode(200).extract().path("receiptSha256");
        problem(as(innovator(RAMSJO_SHOP)).header("If-Match", "\"1\"").post("/api/v1/responses/" + id + "/submit")
                .then(), 409);
        // A second response of the same organisation to the same RFI.
        problem(as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id") + "/responses")
                .then(), 409);
        assertThat(Db.rows("SELECT version, receipt_sha256 FROM rfi_response WHERE id = ?::uuid", id).get(0))
                .containsEntry("version", 1L).containsEntry("receipt_sha256", receipt);
        assertThat(Db.count("SELECT count(*) FROM audit_entry WHERE subject_type = 'response' AND subject_id = ?::uuid"
                + " AND action = 'RESPONSE_SUBMITTED'", id)).isEqualTo(1);
    }

    @Test
    void aResponseTakesTenFilesAtMost() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id")
                + "/responses").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 10; i++) {
            as(innovator(RAMSJO_SHOP)).contentType("application/octet-stream").body(Files.png(200 + i))
                    .header("If-Match", "\"" + i + "\"").queryParam("filename", "bild" + i + ".png")
                    .post("/api/v1/responses/" + id + "/attachments").then().statusCode(201);
        }
        problem(as(innovator(RAMSJO_SHOP)).contentType("application/octet-stream").body(Files.png(300))
                .header("If-Match", "\"10\"").queryParam("filename", "bild10.png")
                .post("/api/v1/responses/" + id + "/attachments").then(), 422);
        assertThat(Db.count("SELECT count(*) FROM attachment_content WHERE response_id = ?::uuid", id))
                .isEqualTo(10);
        assertThat(Db.count("SELECT version FROM rfi_response WHERE id = ?::uuid", id)).isEqualTo(10);
    }
}
