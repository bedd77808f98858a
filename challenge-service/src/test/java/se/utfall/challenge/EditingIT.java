package se.utfall.challenge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import se.utfall.testing.Db;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/**
 * The editing model a form relies on: PUT takes back what GET gave (read-only fields ignored) and replaces the
 * content, every field left out emptied alike; PATCH (JSON Merge Patch) changes only what it names.
 */
@QuarkusTest
class EditingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON is UTF-8 (RFC 8259); rest-assured would send an unknown media type as ISO-8859-1 unless told. */
    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private final String token = buyer(LJUSDAL);

    private JsonPath create() {
        return as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201).extract()
                .jsonPath();
    }

    @Test
    void aReadBodyChangedAndSentBackIsAFullUpdateThatKeepsIdentities() throws Exception {
        JsonPath created = create();
        String id = created.getString("id");
        ObjectNode read = (ObjectNode) JSON.readTree(as(token).get("/api/v1/challenges/" + id).then()
                .statusCode(200).extract().asString());
        read.put("title", "Lagad mat varje dag i Ramsjö");
        // Read-only fields the client might have touched are ignored, not applied and not refused.
        read.put("status", "PUBLISHED").put("ownerOrgId", UUID.randomUUID().toString()).put("version", 99);
        as(token).header("If-Match", "\"0\"").body(JSON.writeValueAsString(read)).put("/api/v1/challenges/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("Lagad mat varje dag i Ramsjö")).body("status", equalTo("DRAFT"))
                .body("ownerOrgId", equalTo(LJUSDAL.toString()))
                .body("outcomeGoals[0].id", equalTo(created.getString("outcomeGoals[0].id")))
                .body("needInsights[0].id", equalTo(created.getString("needInsights[0].id")))
                .body("processTrail[0].actualStart", equalTo(created.getString("processTrail[0].actualStart")));
    }

    @Test
    void aFullUpdateEmptiesEveryFieldLeftOutListsAndTrailAlike() {
        String id = create().getString("id");
        Map<String, Object> body = Fixtures.ramsjo();
        body.remove("needInsights");
        body.remove("sectors");
        body.remove("summary");
        as(token).header("If-Match", "\"0\"").body(body).put("/api/v1/challenges/" + id).then().statusCode(200)
                .body("needInsights.size()", equalTo(0)).body("sectors.size()", equalTo(0))
                .body("summary", nullValue())
                .body("processTrail.findAll { it.actualStart != null }.size()", equalTo(0));
        assertThat(Db.count("SELECT count(*) FROM need_insight WHERE challenge_id = ?", UUID.fromString(id)))
                .isZero();
    }

    @Test
    void aMergePatchChangesWhatItNamesAndKeepsTheRest() {
        JsonPath created = create();
        String id = created.getString("id");
        as(token).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .body(Map.of("title", "Måltider i Ramsjö", "budget", Map.of("amount", 500000)))
                .patch("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("Måltider i Ramsjö")).body("budget.amount", equalTo(500000.0f))
                .body("budget.currency", equalTo("SEK"))
                .body("summary", equalTo(created.getString("summary")))
                .body("outcomeGoals[0].id", equalTo(created.getString("outcomeGoals[0].id")))
                .body("needInsights.size()", equalTo(1))
                .body("processTrail[0].actualStart", equalTo(created.getString("processTrail[0].actualStart")));
        // null removes; lists are replaced whole.
        String patch = "{\"summary\": null, \"sectors\": [\"food\"]}";
        as(token).header("If-Match", "\"1\"").contentType(MERGE_PATCH).body(patch)
                .patch("/api/v1/challenges/" + id).then().statusCode(200)
                .body("summary", nullValue()).body("sectors", equalTo(List.of("food")));
        assertThat(Db.rows("SELECT version, title FROM challenge WHERE id = ?", UUID.fromString(id)).get(0))
                .containsEntry("version", 2L).containsEntry("title", "Måltider i Ramsjö");
    }

    @Test
    void aPatchOfAPublishedChallengeIsARecordedAmendmentAndMustKeepItComplete() {
        String id = create().getString("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        as(token).header("If-Match", "\"1\"").contentType(MERGE_PATCH)
                .body(Map.of("problemStatement", "", "outcomeGoals", List.of()))
                .patch("/api/v1/challenges/" + id).then().statusCode(422)
                .contentType("application/problem+json");
        as(token).header("If-Match", "\"1\"").contentType(MERGE_PATCH)
                .body(Map.of("summary", "Ett lagat mål mat varje dag.", "amendmentNote", "Kortare sammanfattning"))
                .patch("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"2\"");
        as(token).get("/api/v1/challenges/" + id + "/history").then().statusCode(200)
                .body("items[2].action", equalTo("AMENDED")).body("items[2].changedFields", equalTo(List.of("summary")))
                .body("items[2].note", equalTo("Kortare sammanfattning"));
    }
}
