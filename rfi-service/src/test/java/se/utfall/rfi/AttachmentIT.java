package se.utfall.rfi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.utfall.testing.Db;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
class AttachmentIT {

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static Response upload(String token, String responseId, String etag, String name, byte[] content) {
        var request = as(token).contentType("application/octet-stream").body(content);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.queryParam("filename", name).post("/api/v1/responses/" + responseId + "/attachments");
    }

    private static String state(String responseId) {
        return Db.rows("SELECT row_to_json(r)::text AS j FROM rfi_response r WHERE id = ?::uuid", responseId).get(0)
                .get("j") + "/" + Db.count("SELECT count(*) FROM attachment_content WHERE response_id = ?::uuid",
                responseId);
    }

    @Test
    void filesAreCheckedByContentCoveredByTheReceiptAndReadOnlyByRespondentAndBuyer() throws Exception {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id")
                + "/responses").then().statusCode(201).extract().path("id");

        // A 1 MB plan: more than the 256 KiB any JSON body may have, on the one path that takes files.
        byte[] plan = Files.pdf(1_000_000);
        upload(innovator(RAMSJO_SHOP), id, "\"0\"", "../../etc/plan Ramsjö.pdf", plan).then()
                .statusCode(201).header("ETag", "\"1\"")
                .body("attachments[0].fileName", equalTo("plan Ramsjö.pdf"))
                .body("attachments[0].mediaType", equalTo("application/pdf"))
                .body("attachments[0].sizeBytes", equalTo(1_000_000))
                .body("attachments[0].sha256", equalTo(sha256(plan)));
        String attachmentId = as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + id).then().extract()
                .path("attachments[0].id");

        // Refused, with nothing changed: a web page named .pdf, an empty file, a stale or missing version, too
        // large, not ours; and a body as large as a file anywhere else.
        String before = state(id);
        upload(innovator(RAMSJO_SHOP), id, "\"1\"", "offert.pdf", Files.html()).then().statusCode(415)
                .body("type", equalTo("https://utfall.se/problems/unsupported-media-type"));
        upload(innovator(RAMSJO_SHOP), id, "\"1\"", "tom.pdf", new byte[0]).then().statusCode(400);
        // A name that lies about the content: the buyer would download a PDF called plan.png.
        upload(innovator(RAMSJO_SHOP), id, "\"1\"", "plan.png", Files.pdf(100)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("filename"));
        upload(innovator(RAMSJO_SHOP), id, "\"1\"", "bild.PDF", Files.png(100)).then().statusCode(400);
        upload(innovator(RAMSJO_SHOP), id, "\"0\"", "b.png", Files.png(100)).then().statusCode(412);
        upload(innovator(RAMSJO_SHOP), id, null, "b.png", Files.png(100)).then().statusCode(428);
        upload(innovator(RAMSJO_SHOP), id, "\"1\"", "stor.pdf", Files.pdf(10 * 1024 * 1024 + 1)).then()
                .statusCode(413);
        upload(innovator(YSTAD), id, "\"1\"", "b.png", Files.png(100)).then().statusCode(404);
        as(innovator(RAMSJO_SHOP)).contentType("application/octet-stream").body(Files.png(300_000))
                .header("If-Match", "\"1\"").put("/api/v1/responses/" + id).then().statusCode(413);
        assertThat(state(id)).isEqualTo(before);

        upload(innovator(RAMSJO_SHOP), id, "\"1\"", "ritning", Files.docx()).then().statusCode(201)
                .body("attachments[1].fileName", equalTo("ritning.docx"))
                .body("attachments[1].mediaType", equalTo(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        String docxId = as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + id).then().extract()
                .path("attachments[1].id");
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"2\"").delete("/api/v1/responses/" + id + "/attachments/"
                + docxId).then().statusCode(200).body("attachments.size()", equalTo(1));

        // Before submission the buyer reads nothing; after it the receipt covers the file's hash.
        as(buyer(TOMELILLA)).get("/api/v1/responses/" + id + "/attachments/" + attachmentId).then().statusCode(404);
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"3\"").post("/api/v1/responses/" + id + "/submit").then()
                .statusCode(200);
        as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + id + "/receipt").then().statusCode(200)
                .body("matches", equalTo(true)).body("canonicalContent", containsString(sha256(plan)));

        byte[] downloaded = as(buyer(TOMELILLA)).get("/api/v1/responses/" + id + "/attachments/" + attachmentId)
                .then().statusCode(200).contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("filename*=UTF-8''plan%20Ramsj%C3%B6.pdf"))
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(plan);
        as(buyer(YSTAD)).get("/api/v1/responses/" + id + "/attachments/" + attachmentId).then().statusCode(404);
        as(innovator(YSTAD)).get("/api/v1/responses/" + id + "/attachments/" + attachmentId).then().statusCode(404);
        anonymous().get("/api/v1/responses/" + id + "/attachments/" + attachmentId).then().statusCode(401);
    }

    /**
     * Each held upload costs the heap a few copies of its size: an instance takes two at a time and refuses more
     * before reading them (503, Retry-After, nothing stored), so a burst of large files cannot exhaust it.
     */
    @Test
    void uploadsBeyondWhatTheInstanceHoldsAtOnceAreRefusedBeforeTheirBytesAreRead() throws Exception {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id")
                + "/responses").then().statusCode(201).extract().path("id");
        String head = "POST /api/v1/responses/" + id + "/attachments?filename=a.pdf HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + innovator(RAMSJO_SHOP) + "\r\nIf-Match: \"0\"\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n";
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket s = new Socket("localhost", RestAssured.port);
                s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().write(Files.pdf(1000), 0, 1000);
                s.getOutputStream().flush();
                held.add(s);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> upload(innovator(RAMSJO_SHOP), id, "\"0\"", "b.png",
                    Files.png(100)).then().extract().statusCode() == 503);
            upload(innovator(RAMSJO_SHOP), id, "\"0\"", "b.png", Files.png(100)).then().statusCode(503)
                    .header("Retry-After", "1").contentType("application/problem+json")
                    .body("type", equalTo("https://utfall.se/problems/uploads-busy"));
            assertThat(Db.count("SELECT count(*) FROM attachment_content WHERE response_id = ?::uuid", id)).isZero();
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        // The held ones went away: their places are free again.
        await().atMost(Duration.ofSeconds(10)).until(() -> upload(innovator(RAMSJO_SHOP), id, "\"0\"", "b.png",
                Files.png(100)).then().extract().statusCode() == 201);
    }

    @Test
    void afterTheCloseNoFileIsAddedOrRemoved() {
        Instant closes = nowSeconds().plusSeconds(6);
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), closes);
        String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id")
                + "/responses").then().statusCode(201).extract().path("id");
        upload(innovator(RAMSJO_SHOP), id, "\"0\"", "a.png", Files.png(1000)).then().statusCode(201);
        String attachmentId = as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + id).then().extract()
                .path("attachments[0].id");
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(closes));
        String before = state(id);
        upload(innovator(RAMSJO_SHOP), id, "\"1\"", "b.png", Files.png(1000)).then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/rfi-closed"));
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"1\"").delete("/api/v1/responses/" + id + "/attachments/"
                + attachmentId).then().statusCode(409);
        assertThat(state(id)).isEqualTo(before);
    }
}
