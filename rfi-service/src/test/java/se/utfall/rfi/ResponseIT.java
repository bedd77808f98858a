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
import java.time.OffsetDateTime;
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

@QuarkusTest
class ResponseIT {

    @Test
    void aConsortiumSubmitsWithAReceiptTheBuyerReadsItAndOthersCannot() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String rfiId = rfi.path("id");
        try (EventTopic internal = EventTopic.from(Topics.RESPONSES_INTERNAL);
                EventTopic publicRfis = EventTopic.from(Topics.RFIS)) {
            String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses")
                    .then().statusCode(201).body("status", equalTo("DRAFT"))
                    .body("costComparison.baselinePerYear.amount", equalTo(12_000_000.0f))
                    .body("costComparison.notMoreExpensive", equalTo(true)).extract().path("id");
            as(buyer(TOMELILLA)).get("/api/v1/responses/" + id).then().statusCode(404);
            as(innovator(YSTAD)).get("/api/v1/responses/" + id).then().statusCode(404);
            as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses").then()
                    .statusCode(409);

            String sha = as(innovator(RAMSJO_SHOP)).header("If-Match", "\"0\"")
                    .post("/api/v1/responses/" + id + "/submit").then().statusCode(200)
                    .body("status", equalTo("SUBMITTED")).extract().path("receiptSha256");
            assertThat(sha).hasSize(64);
            as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + id + "/receipt").then().statusCode(200)
                    .body("sha256", equalTo(sha)).body("matches", equalTo(true));
            as(buyer(TOMELILLA)).get("/api/v1/responses/" + id).then().statusCode(200)
                    .body("consortium[0].name", equalTo("Ramsjö Camping (kök)"))
                    .body("answers[1].confidential", equalTo(true));
            as(buyer(TOMELILLA)).get("/api/v1/rfis/" + rfiId + "/responses").then().statusCode(200)
                    .body("items.id", hasItem(id)).body("total", equalTo(1));
            as(buyer(YSTAD)).get("/api/v1/rfis/" + rfiId + "/responses").then().statusCode(404);
            as(innovator(YSTAD)).header("If-Match", "\"1\"").post("/api/v1/responses/" + id + "/withdraw").then()
                    .statusCode(404);
            anonymous().get("/api/v1/responses/" + id).then().statusCode(401);

            EventTopic.Event submitted = internal.await(1, e -> rfiId.equals(e.key())).get(0);
            assertThat(submitted.type()).isEqualTo(EventTypes.RESPONSE_SUBMITTED);
            assertThat(EventSchemas.validate(submitted.type(), submitted.body())).isEmpty();
            assertThat(submitted.body().toString()).doesNotContain("campingens kök").doesNotContain("Utförare");
            assertThat(publicRfis.collect(e -> rfiId.equals(e.key()), Duration.ofSeconds(2)))
                    .noneMatch(e -> e.body().toString().contains("campingens"));
        }
    }

    @Test
    void answersThatDoNotFitTheirQuestionsAreRefusedWithNothingStored() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String rfiId = rfi.path("id");
        String text = rfi.path("questions[0].id");
        String choice = rfi.path("questions[1].id");
        as(innovator(RAMSJO_SHOP)).body(Map.of("answers", List.of(
                        Map.of("questionId", text, "number", 42),
                        Map.of("questionId", choice, "choices", List.of("Något annat")),
                        Map.of("questionId", UUID.randomUUID().toString(), "text", "?"))))
                .post("/api/v1/rfis/" + rfiId + "/responses").then().statusCode(400)
                .body("errors.field", hasItem("answers[0]")).body("errors.field", hasItem("answers[1].choices"))
                .body("errors.field", hasItem("answers[2].questionId"));
        as(innovator(RAMSJO_SHOP)).body(Map.of("status", "SUBMITTED", "receipt", "x"))
                .post("/api/v1/rfis/" + rfiId + "/responses").then().statusCode(400);
        String id = as(innovator(RAMSJO_SHOP)).body(Map.of()).post("/api/v1/rfis/" + rfiId + "/responses").then()
                .statusCode(201).extract().path("id");
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"0\"").post("/api/v1/responses/" + id + "/submit").then()
                .statusCode(422).body("errors.field", hasItem("answers"));
        assertThat(Db.count("SELECT count(*) FROM rfi_response WHERE rfi_id = ?::uuid AND status <> 'DRAFT'",
                rfiId)).isZero();
    }

    @Test
    void afterTheCloseNothingIsCreatedChangedOrWithdrawn() {
        Instant closes = nowSeconds().plusSeconds(8);
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), closes);
        String rfiId = rfi.path("id");
        String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses").then()
                .statusCode(201).extract().path("id");
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"0\"").post("/api/v1/responses/" + id + "/submit").then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(closes));
        String before = Db.rows("SELECT row_to_json(r)::text AS j FROM rfi_response r WHERE id = ?::uuid", id).get(0)
                .get("j").toString();
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"1\"").post("/api/v1/responses/" + id + "/withdraw").then()
                .statusCode(409).body("type", equalTo("https://utfall.se/problems/rfi-closed"));
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"1\"").body(answers(rfi)).put("/api/v1/responses/" + id)
                .then().statusCode(409);
        as(innovator(YSTAD)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses").then().statusCode(409);
        assertThat(Db.rows("SELECT row_to_json(r)::text AS j FROM rfi_response r WHERE id = ?::uuid", id).get(0)
                .get("j").toString()).isEqualTo(before);
        assertThat(Db.count("SELECT count(*) FROM rfi_response WHERE rfi_id = ?::uuid", rfiId)).isEqualTo(1);
    }

    /**
     * The deadline race: many organisations submit around the close, with the real clock. Every accepted
     * submission was made before closesAt, every refusal at or after it, and none commits after the close did.
     */
    @Test
    void submissionsStraddlingTheCloseAreAcceptedExactlyWhenBeforeIt() throws Exception {
        Instant closes = nowSeconds().plusSeconds(20);
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), closes);
        String rfiId = rfi.path("id");
        List<UUID> orgs = new ArrayList<>();
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            UUID org = UUID.randomUUID();
            orgs.add(org);
            drafts.add(as(innovator(org)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses").then()
                    .statusCode(201).extract().path("id"));
        }
        long rfiVersion = Db.count("SELECT version FROM rfi WHERE id = ?::uuid", rfiId);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(closes.minusMillis(600)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Outcome>> results = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            UUID org = orgs.get(i);
            String id = drafts.get(i);
            long delay = i * 50L;
            Callable<Outcome> submit = () -> {
                Thread.sleep(delay);
                ExtractableResponse<Response> r = as(innovator(org)).header("If-Match", "\"0\"")
                        .post("/api/v1/responses/" + id + "/submit").then().extract();
                return new Outcome(r.statusCode(), Instant.now(), r.statusCode() == 200
                        ? OffsetDateTime.parse(r.path("submittedAt")).toInstant() : null,
                        r.statusCode() == 200 ? null : r.path("type"));
            };
            results.add(pool.submit(submit));
        }
        int accepted = 0;
        int refused = 0;
        for (Future<Outcome> f : results) {
            Outcome o = f.get();
            assertThat(o.status()).isIn(200, 409);
            if (o.status() == 200) {
                accepted++;
                // The receipt's time is the decision's, strictly before the close.
                assertThat(o.submittedAt()).isBefore(closes);
            } else {
                refused++;
                assertThat(o.problemType()).endsWith("/rfi-closed");
                // Refused only once the close had come: the answer cannot arrive before the moment it was decided.
                assertThat(o.answeredAt()).isAfterOrEqualTo(closes);
            }
        }
        pool.shutdown();
        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();
        assertThat(Db.count("SELECT count(*) FROM rfi_response WHERE rfi_id = ?::uuid AND status = 'SUBMITTED'"
                + " AND submitted_at >= ?::timestamptz", rfiId, closes.toString())).isZero();
        assertThat(Db.count("SELECT count(*) FROM rfi_response WHERE rfi_id = ?::uuid AND status = 'SUBMITTED'",
                rfiId)).isEqualTo(accepted);
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(
                "SELECT count(*) FROM rfi WHERE id = ?::uuid AND status = 'CLOSED'", rfiId) == 1);
        // Responses never write the RFI: only the close changed its version.
        assertThat(Db.count("SELECT version FROM rfi WHERE id = ?::uuid", rfiId)).isEqualTo(rfiVersion + 1);
        assertThat(Db.count("SELECT count(*) FROM rfi_response r"
                + " JOIN audit_entry a ON a.subject_type = 'response' AND a.subject_id = r.id"
                + " AND a.action = 'RESPONSE_SUBMITTED' WHERE r.rfi_id = ?::uuid AND a.at >= ?::timestamptz",
                rfiId, closes.toString())).isZero();
    }

    @Test
    void aBodyCannotSetStatusOwnerOrReceipt() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        Map<String, Object> body = new HashMap<>(answers(rfi));
        body.put("id", UUID.randomUUID().toString());
        body.put("organisationId", YSTAD.toString());
        body.put("status", "SUBMITTED");
        body.put("receiptSha256", "0".repeat(64));
        body.put("submittedAt", "2022-05-20T10:00:00+02:00");
        ExtractableResponse<Response> created = as(innovator(RAMSJO_SHOP)).body(body)
                .post("/api/v1/rfis/" + rfi.path("id") + "/responses").then().statusCode(201).extract();
        assertThat(created.<String>path("id")).isNotEqualTo(body.get("id"));
        assertThat(created.<String>path("organisationId")).isEqualTo(RAMSJO_SHOP.toString());
        assertThat(created.<String>path("status")).isEqualTo("DRAFT");
        assertThat(created.<String>path("receiptSha256")).isNull();
        assertThat(created.<String>path("submittedAt")).isNull();
        assertThat(Db.count("SELECT count(*) FROM rfi_response WHERE rfi_id = ?::uuid AND (status <> 'DRAFT'"
                + " OR organisation_id <> ?::uuid)", rfi.<String>path("id"), RAMSJO_SHOP.toString())).isZero();
        // Ystad, named in the body, has nothing: its own read of the response is a 404.
        as(innovator(YSTAD)).get("/api/v1/responses/" + created.<String>path("id")).then().statusCode(404);
    }

    private record Outcome(int status, Instant answeredAt, Instant submittedAt, String problemType) {
    }
}
