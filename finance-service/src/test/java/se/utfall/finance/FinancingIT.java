package se.utfall.finance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static se.utfall.finance.Fixtures.LJUSDAL;
import static se.utfall.finance.Fixtures.commitment;
import static se.utfall.finance.Fixtures.mandate;
import static se.utfall.finance.Fixtures.openCase;
import static se.utfall.finance.Fixtures.shortlisted;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;
import static se.utfall.testing.Api.investor;

/** Ramsjö financed: a shortlisted response, a case, two investors whose mandates fit, funded exactly once. */
@QuarkusTest
class FinancingIT {

    private static String saveMandate(String token, String body) {
        return as(token).body(body).put("/api/v1/investors/mine").then().statusCode(201)
                .header("ETag", notNullValue()).extract().path("id");
    }

    @Test
    void ramsjoIsFundedByTwoInvestorsWhoseMandatesFitAndTheCaseIsFundedOnce() {
        UUID norrland = UUID.randomUUID();
        UUID almi = UUID.randomUUID();
        String first = investor(norrland);
        String second = investor(almi);
        Fixtures.Shortlisted s = shortlisted(LJUSDAL, true);
        try (EventTopic finance = EventTopic.from(Topics.FINANCE);
                EventTopic internal = EventTopic.from(Topics.FINANCE_INTERNAL)) {
            Response opened = as(buyer(LJUSDAL)).body(openCase(s.responseId(), "2000000.00"))
                    .post("/api/v1/cases");
            opened.then().statusCode(201).header("Location", notNullValue()).header("ETag", "\"0\"")
                    .body("status", equalTo("OPEN")).body("capitalRequired.amount", equalTo(2000000.00f))
                    .body("remaining.amount", equalTo(2000000.00f)).body("outcomeGoalIds", hasSize(2));
            String caseId = opened.path("id");
            assertThat(opened.asString()).contains("\"amount\":2000000.00");
            finance.await(1, e -> e.type().equals(EventTypes.CASE_OPENED) && caseId.equals(e.key()),
                    Duration.ofSeconds(30));

            saveMandate(first, mandate("Norrlands Impact Fund", "500000.00", "1500000.00", false));
            saveMandate(second, mandate("Almi Invest", "250000.00", "1000000.00", true));
            Response ranked = as(first).get("/api/v1/cases/recommended?limit=100");
            ranked.then().statusCode(200);
            List<String> ids = ranked.path("investmentCase.id");
            assertThat(ids).contains(caseId);
            int mine = ids.indexOf(caseId);
            assertThat((Boolean) ranked.path("[" + mine + "].fit.eligible")).isTrue();
            assertThat((Integer) ranked.path("[" + mine + "].fit.score")).isEqualTo(100);
            assertThat(ranked.<List<String>>path("[" + mine + "].fit.reasons.sv").toString())
                    .contains("Kommun 2161 ingår i mandatet");

            Response investors = as(buyer(LJUSDAL)).get("/api/v1/cases/" + caseId + "/investors?limit=100");
            investors.then().statusCode(200);
            assertThat(investors.<List<String>>path("organisationId"))
                    .contains(norrland.toString(), almi.toString());
            assertThat(investors.asString()).doesNotContain("ticketMin").doesNotContain("returnMaxPercent");

            as(first).body(commitment("1500000.00", "SENIOR")).post("/api/v1/cases/" + caseId + "/commitments")
                    .then().statusCode(201).header("Location", notNullValue()).body("status", equalTo("ACTIVE"));
            as(second).body(commitment("600000.00", "FIRST_LOSS_GUARANTEE"))
                    .post("/api/v1/cases/" + caseId + "/commitments")
                    .then().statusCode(409).body("type", equalTo("https://utfall.se/problems/over-committed"));
            String lastId = as(second).body(commitment("500000.00", "FIRST_LOSS_GUARANTEE"))
                    .post("/api/v1/cases/" + caseId + "/commitments").then().statusCode(201).extract().path("id");

            anonymous().get("/api/v1/cases/" + caseId).then().statusCode(200).body("status", equalTo("FUNDED"))
                    .body("committed.amount", equalTo(2000000.00f)).body("remaining.amount", equalTo(0.00f))
                    .body("fundedAt", notNullValue());
            internal.await(2, e -> e.type().equals(EventTypes.COMMITMENT_MADE) && caseId.equals(e.key()),
                    Duration.ofSeconds(30));
            finance.await(1, e -> e.type().equals(EventTypes.CASE_FUNDED) && caseId.equals(e.key()),
                    Duration.ofSeconds(30));
            assertThat(finance.collect(e -> e.type().equals(EventTypes.CASE_FUNDED) && caseId.equals(e.key()),
                    Duration.ofSeconds(2))).as("funded exactly once").hasSize(1);
            List<?> published = finance.collect(e -> caseId.equals(e.key()), Duration.ofSeconds(1));
            assertThat(published.toString()).as("who committed what stays internal")
                    .doesNotContain(norrland.toString()).doesNotContain(almi.toString());

            // Before signing: every party's cash position under a low and an expected path (worked by hand: the
            // expected path reaches the overall cap of 2 400 000; senior principal, first-loss principal, then both
            // returns at 20 % — 1 800 000 and 600 000 back, a multiple of 1.2 each, nothing left for the provider).
            String scenario = """
                    {"metrics": [
                       {"goalId": "%s", "pricePerUnit": {"amount": 12000.00}, "cap": {"amount": 1200000.00}},
                       {"goalId": "%s", "pricePerUnit": {"amount": 3500.00}, "cap": {"amount": 1200000.00},
                        "minimumUnits": 10}],
                     "overallCap": {"amount": 2400000.00}, "returnCapPercent": 20,
                     "paths": [{"name": "low", "unitsPerPeriod": [[20, 5], [20, 5]]},
                               {"name": "expected", "unitsPerPeriod": [[40, 100], [40, 100], [40, 100], [40, 100]]}]}"""
                    .formatted(Fixtures.GOAL_ALONE, Fixtures.GOAL_VISITS);
            Response preview = as(buyer(LJUSDAL)).body(scenario).post("/api/v1/cases/" + caseId + "/scenarios");
            preview.then().statusCode(200)
                    .body("paths[0].paid.amount", equalTo(480000.00f))
                    .body("paths[0].investors[0].principalBack.amount", equalTo(480000.00f))
                    .body("paths[0].investors[1].principalBack.amount", equalTo(0.00f))
                    .body("paths[1].paid.amount", equalTo(2400000.00f))
                    .body("paths[1].payers[0].organisationId", equalTo(LJUSDAL.toString()))
                    .body("paths[1].investors[0].tranche", equalTo("SENIOR"))
                    .body("paths[1].investors[0].returnBack.amount", equalTo(300000.00f))
                    .body("paths[1].investors[0].multiple", equalTo(1.2f))
                    .body("paths[1].investors[1].principalBack.amount", equalTo(500000.00f))
                    .body("paths[1].investors[1].returnBack.amount", equalTo(100000.00f))
                    .body("paths[1].toProvider.amount", equalTo(0.00f));
            as(first).body(scenario).post("/api/v1/cases/" + caseId + "/scenarios").then().statusCode(403);
            as(buyer(LJUSDAL)).body(scenario.replace("[20, 5], [20, 5]", "[20], [20, 5]"))
                    .post("/api/v1/cases/" + caseId + "/scenarios").then().statusCode(400)
                    .body("errors[0].field", equalTo("paths[0].unitsPerPeriod[0]"));

            // Funded: nothing is withdrawn any more, nothing more is committed.
            as(second).header("If-Match", "\"0\"").post("/api/v1/commitments/" + lastId + "/withdraw")
                    .then().statusCode(409).body("type", equalTo("https://utfall.se/problems/case-not-open"));
            as(buyer(LJUSDAL)).get("/api/v1/cases/" + caseId + "/commitments").then().statusCode(200)
                    .body("total", equalTo(2));
            as(first).get("/api/v1/cases/" + caseId + "/commitments").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].investorOrgId", equalTo(norrland.toString()));
            as(buyer(LJUSDAL)).get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                    .body("items.action", hasItems("CASE_OPENED", "COMMITTED", "FUNDED"));
        }
    }

    @Test
    void aCommitmentIsWithdrawnWhileTheCaseIsOpenAndOnlyByItsInvestor() {
        UUID investorOrg = UUID.randomUUID();
        String token = investor(investorOrg);
        saveMandate(token, mandate("Norrlands Impact Fund", "100000.00", "900000.00", true));
        Fixtures.Shortlisted s = shortlisted(LJUSDAL, true);
        String caseId = as(buyer(LJUSDAL)).body(openCase(s.responseId(), "1000000.00")).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        String id = as(token).body(commitment("400000.00", "SENIOR")).post("/api/v1/cases/" + caseId
                + "/commitments").then().statusCode(201).extract().path("id");
        as(investor(UUID.randomUUID())).header("If-Match", "\"0\"").post("/api/v1/commitments/" + id + "/withdraw")
                .then().statusCode(404);
        as(token).post("/api/v1/commitments/" + id + "/withdraw").then().statusCode(428);
        as(token).header("If-Match", "\"7\"").post("/api/v1/commitments/" + id + "/withdraw").then().statusCode(412);
        as(token).header("If-Match", "\"0\"").post("/api/v1/commitments/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        anonymous().get("/api/v1/cases/" + caseId).then().body("committed.amount", equalTo(0.00f));
        // Committing again after a withdrawal is a new commitment.
        as(token).body(commitment("300000.00", "SUBORDINATED")).post("/api/v1/cases/" + caseId + "/commitments")
                .then().statusCode(201);
        as(token).body(commitment("300000.00", "SUBORDINATED")).post("/api/v1/cases/" + caseId + "/commitments")
                .then().statusCode(409).body("type", equalTo("https://utfall.se/problems/committed-already"));
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        Fixtures.Shortlisted s = shortlisted(LJUSDAL, true);
        long cases = Db.count("SELECT count(*) FROM investment_case");
        String buyer = buyer(LJUSDAL);
        as(buyer).body(openCase(s.responseId(), "0")).post("/api/v1/cases").then().statusCode(400);
        as(buyer).body(openCase(s.responseId(), "-5")).post("/api/v1/cases").then().statusCode(400);
        as(buyer).body(openCase(s.responseId(), "100.005")).post("/api/v1/cases").then().statusCode(400);
        as(buyer).body(openCase(s.responseId(), "10000000000000.00")).post("/api/v1/cases").then().statusCode(400);
        as(buyer).body(openCase(s.responseId(), "1000.00").replace("\"SEK\"", "\"sek\"")).post("/api/v1/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("capitalRequired.currency"));
        as(buyer).body(openCase(s.responseId(), "1000.00").replace("\"durationMonths\": 48",
                "\"durationMonths\": 48, \"status\": \"FUNDED\"")).post("/api/v1/cases").then().statusCode(400);
        as(buyer).body(openCase(s.responseId(), "1000.00").replace(Fixtures.GOAL_ALONE.toString(),
                UUID.randomUUID().toString())).post("/api/v1/cases").then().statusCode(400)
                .body("errors[0].field", equalTo("outcomeGoalIds[0]"));
        as(buyer).body(openCase(UUID.randomUUID(), "1000.00")).post("/api/v1/cases").then().statusCode(409)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://utfall.se/problems/not-yet-known"));
        as(buyer(Fixtures.YSTAD)).body(openCase(s.responseId(), "1000.00")).post("/api/v1/cases").then()
                .statusCode(404);
        as(innovator(Fixtures.RAMSJO_SHOP)).body(openCase(s.responseId(), "1000.00")).post("/api/v1/cases")
                .then().statusCode(403);
        Fixtures.Shortlisted not = shortlisted(LJUSDAL, false);
        as(buyer).body(openCase(not.responseId(), "1000.00")).post("/api/v1/cases").then().statusCode(422);
        assertThat(Db.count("SELECT count(*) FROM investment_case")).isEqualTo(cases);

        String caseId = as(buyer).body(openCase(s.responseId(), "1000000.00")).post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
        as(buyer).body(openCase(s.responseId(), "1000000.00")).post("/api/v1/cases").then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/case-exists"));
        String token = investor(UUID.randomUUID());
        as(token).body(commitment("200000.00", "SENIOR")).post("/api/v1/cases/" + caseId + "/commitments")
                .then().statusCode(422);
        saveMandate(token, mandate("Liten fond", "100000.00", "300000.00", true));
        as(token).body(commitment("400000.00", "SENIOR")).post("/api/v1/cases/" + caseId + "/commitments")
                .then().statusCode(422).body("errors[0].field", equalTo("amount"));
        as(token).body(commitment("200000.00", "MEZZANINE")).post("/api/v1/cases/" + caseId + "/commitments")
                .then().statusCode(400);
        as(token).body(commitment("200000.00", "SENIOR")).post("/api/v1/cases/" + UUID.randomUUID()
                + "/commitments").then().statusCode(404);
        as(token).body(mandate("Liten fond", "300000.00", "100000.00", true)).header("If-Match", "\"0\"")
                .put("/api/v1/investors/mine").then().statusCode(400).body("errors[0].field",
                        equalTo("ticketMax.amount"));
        assertThat(Db.count("SELECT count(*) FROM commitment WHERE case_id = ?::uuid", caseId)).isZero();
    }

    @Test
    void aMandateIsItsOrganisationsOwn() {
        UUID org = UUID.randomUUID();
        String token = investor(org);
        as(token).get("/api/v1/investors/mine").then().statusCode(404);
        as(token).body(mandate("Norrlands Impact Fund", "100000.00", "900000.00", false)).header("If-Match", "\"3\"")
                .put("/api/v1/investors/mine").then().statusCode(412);
        saveMandate(token, mandate("Norrlands Impact Fund", "100000.00", "900000.00", false));
        as(token).get("/api/v1/investors/mine").then().statusCode(200).header("ETag", "\"0\"")
                .body("ticketMin.amount", equalTo(100000.00f)).body("organisationId", equalTo(org.toString()));
        as(investor(UUID.randomUUID())).get("/api/v1/investors/mine").then().statusCode(404);
        as(buyer(LJUSDAL)).get("/api/v1/investors/mine").then().statusCode(403);
        as(token).body(mandate("Norrlands Impact Fund", "100000.00", "900000.00", true))
                .put("/api/v1/investors/mine").then().statusCode(428);
        as(token).body(mandate("Norrlands Impact Fund", "100000.00", "900000.00", true)).header("If-Match", "\"0\"")
                .put("/api/v1/investors/mine").then().statusCode(200).header("ETag", "\"1\"")
                .body("national", equalTo(true));
    }
}
