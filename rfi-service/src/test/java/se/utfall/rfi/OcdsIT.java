package se.utfall.rfi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.testing.Db;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static se.utfall.rfi.OcdsSchemas.RECORD_PACKAGE;
import static se.utfall.rfi.OcdsSchemas.RELEASE_PACKAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.utfall.rfi.Fixtures.RAMSJO_SHOP;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.answers;
import static se.utfall.rfi.Fixtures.challenge;
import static se.utfall.rfi.Fixtures.challengeEvent;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.producer;
import static se.utfall.rfi.Fixtures.rfi;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/**
 * Every published RFI's OCDS release package is valid against the OCDS 1.1 release package schema (kept, as
 * published, under src/test/resources/ocds-1.1), checked with a maintained JSON Schema validator.
 */
@QuarkusTest
class OcdsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String challengeWithPlanning() {
        String id = UUID.randomUUID().toString();
        String data = challenge(id, TOMELILLA, List.of(), "PUBLISHED", 1)
                .replace("\"cpvCodes\": []", "\"cpvCodes\": [\"85300000-2\", \"85310000-5\"]")
                .replace("\"needInsights\": []", "\"needInsights\": [{\"id\": \"" + UUID.randomUUID()
                        + "\", \"source\": \"Elevhälsan\", \"text\": \"Barn far illa i tysthet\","
                        + " \"visibility\": \"PUBLIC\"}], \"budget\": {\"amount\": 2000000.00, \"currency\": \"SEK\"}");
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_PUBLISHED, data, id));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count("SELECT count(*) FROM known_challenge WHERE id = ?::uuid", id) == 1);
        return id;
    }

    private static String published(String challengeId, Instant opens, Instant closes) {
        String id = as(buyer(TOMELILLA)).body(rfi(challengeId, opens, closes)).post("/api/v1/rfis").then()
                .statusCode(201).extract().path("id");
        as(buyer(TOMELILLA)).header("If-Match", "\"0\"").post("/api/v1/rfis/" + id + "/publish").then()
                .statusCode(200);
        return id;
    }

    private static JsonNode ocds(String id) throws Exception {
        return JSON.readTree(anonymous().get("/api/v1/rfis/" + id + "/ocds").then().statusCode(200).extract()
                .asString());
    }

    @Test
    void everyPublishedRfiIsAValidReleasePackageWithNothingConfidential() throws Exception {
        String challengeId = challengeWithPlanning();
        // Open, with a published clarification and a confidential answer in a submitted response.
        String open = published(challengeId, nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String asked = as(innovator(RAMSJO_SHOP)).body(Map.of("question", "Vi på Ramsjö Livs undrar om konsortier"))
                .post("/api/v1/rfis/" + open + "/clarifications").then().statusCode(201).extract().path("id");
        as(buyer(TOMELILLA)).header("If-Match", "\"0\"").body(Map.of("question", "Får man svara i konsortium?",
                "answer", "Ja.")).post("/api/v1/clarifications/" + asked + "/answer").then().statusCode(200);
        var rfi = as(buyer(TOMELILLA)).get("/api/v1/rfis/" + open).then().extract();
        String response = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + open + "/responses")
                .then().statusCode(201).extract().path("id");
        as(innovator(RAMSJO_SHOP)).header("If-Match", "\"0\"").post("/api/v1/responses/" + response + "/submit")
                .then().statusCode(200);
        // Scheduled and amended; cancelled; a draft (no package).
        String scheduled = published(challengeId, nowSeconds().plusSeconds(3600), nowSeconds().plusSeconds(7200));
        Map<String, Object> amended = new HashMap<>(rfi(challengeId, nowSeconds().plusSeconds(3600),
                nowSeconds().plusSeconds(9000)));
        amended.put("amendmentNote", "Längre svarstid");
        String etag = as(buyer(TOMELILLA)).get("/api/v1/rfis/" + scheduled).then().extract().header("ETag");
        as(buyer(TOMELILLA)).header("If-Match", etag).body(amended).put("/api/v1/rfis/" + scheduled).then()
                .statusCode(200);
        String cancelled = published(challengeId, nowSeconds().plusSeconds(3600), nowSeconds().plusSeconds(7200));
        as(buyer(TOMELILLA)).header("If-Match", "\"1\"").body(Map.of("reason", "Behovet löstes på annat sätt"))
                .post("/api/v1/rfis/" + cancelled + "/cancel").then().statusCode(200);
        String draft = as(buyer(TOMELILLA)).body(rfi(challengeId, nowSeconds().plusSeconds(60),
                nowSeconds().plusSeconds(120))).post("/api/v1/rfis").then().statusCode(201).extract().path("id");
        anonymous().get("/api/v1/rfis/" + draft + "/ocds").then().statusCode(404);
        anonymous().get("/api/v1/rfis/" + UUID.randomUUID() + "/ocds").then().statusCode(404);

        // Every release is kept: published (tender), then the clarification's answer (tenderUpdate).
        JsonNode openPackage = ocds(open);
        assertThat(openPackage.path("releases").path(0).path("tag").toString()).isEqualTo("[\"tender\"]");
        assertThat(openPackage.path("releases").path(0).path("tender").path("hasEnquiries").asBoolean()).isFalse();
        JsonNode release = openPackage.path("releases").path(openPackage.path("releases").size() - 1);
        assertThat(release.path("ocid").asText()).isEqualTo("ocds-utfall-" + open);
        assertThat(release.path("tag").toString()).isEqualTo("[\"tenderUpdate\"]");
        assertThat(release.path("id").asText()).isEqualTo("ocds-utfall-" + open + "-2");
        assertThat(release.path("tender").path("status").asText()).isEqualTo("active");
        assertThat(release.path("tender").path("enquiries").path(0).path("description").asText())
                .isEqualTo("Får man svara i konsortium?");
        assertThat(release.path("tender").path("items").path(0).path("classification").path("id").asText())
                .isEqualTo("85300000-2");
        assertThat(release.path("planning").path("budget").path("amount").path("amount").asDouble())
                .isEqualTo(2_000_000.0);
        assertThat(release.path("planning").path("rationale").asText()).contains("Barn far illa i tysthet");
        assertThat(release.path("buyer").path("name").asText()).isEqualTo("Tomelilla kommun");
        assertThat(openPackage.toString()).doesNotContain("Ramsjö Livs").doesNotContain(RAMSJO_SHOP.toString())
                .doesNotContain("campingens kök").doesNotContain(response);
        assertThat(ocds(scheduled).path("releases").path(1).path("tag").toString())
                .isEqualTo("[\"tenderAmendment\"]");
        assertThat(ocds(scheduled).path("releases").path(0).path("tender").path("amendments").isMissingNode())
                .isTrue();
        assertThat(ocds(scheduled).path("releases").path(1).path("tender").path("amendments").path(0)
                .path("rationale").asText()).isEqualTo("Längre svarstid");
        assertThat(ocds(cancelled).path("releases").path(1).path("tender").path("status").asText())
                .isEqualTo("cancelled");
        assertThat(ocds(cancelled).path("releases").path(1).path("tag").toString())
                .isEqualTo("[\"tenderCancellation\"]");

        // The schema is really applied, down to the release (a tag outside the codelist, a date without offset).
        ObjectNode broken = openPackage.deepCopy();
        ((ObjectNode) broken.path("releases").path(0)).putArray("tag").add("award-ish");
        ((ObjectNode) broken.path("releases").path(0).path("tender").path("tenderPeriod"))
                .put("endDate", "27 maj 2022");
        assertThat(RELEASE_PACKAGE.validate(broken)).hasSizeGreaterThanOrEqualTo(2);

        // Every published RFI in this database, from every test so far (procurements included), in whatever state.
        List<String> all = Db.rows("SELECT id::text AS id FROM rfi WHERE status <> 'DRAFT'").stream()
                .map(r -> r.get("id").toString()).toList();
        assertThat(all).contains(open, scheduled, cancelled);
        int releases = 0;
        int records = 0;
        for (String id : all) {
            JsonNode pkg = ocds(id);
            Set<ValidationMessage> errors = RELEASE_PACKAGE.validate(pkg);
            assertThat(errors).as("OCDS package of RFI " + id).isEmpty();
            releases += pkg.path("releases").size();
            JsonNode recordPackage = JSON.readTree(anonymous().get("/api/v1/rfis/" + id + "/ocds/record").then()
                    .statusCode(200).extract().asString());
            assertThat(RECORD_PACKAGE.validate(recordPackage)).as("OCDS record package of RFI " + id).isEmpty();
            records += recordPackage.path("records").size();
            // The compiled release of each record is the newest release of its ocid, tagged compiled.
            for (JsonNode record : recordPackage.path("records")) {
                JsonNode links = record.path("releases");
                assertThat(record.path("compiledRelease").path("date").asText())
                        .isEqualTo(links.path(links.size() - 1).path("date").asText());
            }
        }
        System.out.printf("OCDS: %d release packages with %d releases, %d records, validated against the 1.1"
                + " release-package and record-package schemas%n", all.size(), releases, records);
    }
}
