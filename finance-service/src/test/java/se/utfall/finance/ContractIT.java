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
import static se.utfall.finance.Fixtures.LJUSDAL;
import static se.utfall.finance.Fixtures.RAMSJO_SHOP;
import static se.utfall.finance.Fixtures.RISE;
import static se.utfall.finance.Fixtures.commitment;
import static se.utfall.finance.Fixtures.mandate;
import static se.utfall.finance.Fixtures.openCase;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.coordinator;
import static se.utfall.testing.Api.innovator;
import static se.utfall.testing.Api.investor;

/**
 * A funded Ramsjö case under contract: the payer signs with an independent verifier, the provider claims per
 * quarter, the verifier validates (paid once) or disputes; payments as computed by hand.
 */
@QuarkusTest
class ContractIT {

    private static String contract(UUID verifier) {
        return """
                {"metrics": [
                   {"goalId": "%s", "pricePerUnit": {"amount": 12000.00}, "cap": {"amount": 1200000.00}},
                   {"goalId": "%s", "pricePerUnit": {"amount": 3500.00}, "cap": {"amount": 1200000.00},
                    "minimumUnits": 10}],
                 "overallCap": {"amount": 2400000.00}, "returnCapPercent": 20, "verifierOrgId": "%s",
                 "paymentPoints": [{"period": "2027-Q1", "kind": "INTERIM"}, {"period": "2027-Q2", "kind": "INTERIM"},
                   {"period": "2027-Q3", "kind": "INTERIM"}, {"period": "2027-Q4", "kind": "FINAL"}]}"""
                .formatted(Fixtures.GOAL_ALONE, Fixtures.GOAL_VISITS, verifier);
    }

    private static String claim(String period, int alone, int visits) {
        return """
                {"period": "%s", "units": [{"goalId": "%s", "units": %d}, {"goalId": "%s", "units": %d}],
                 "evidence": "Region Gävleborg, utdrag 2027"}""".formatted(period, Fixtures.GOAL_ALONE, alone,
                Fixtures.GOAL_VISITS, visits);
    }

    @Test
    void claimsAreValidatedOnceAndPaidThroughTheWaterfall() {
        UUID senior = UUID.randomUUID();
        UUID firstLoss = UUID.randomUUID();
        Fixtures.Shortlisted s = Fixtures.shortlisted(LJUSDAL, true);
        String buyer = buyer(LJUSDAL);
        EventTopic finance = EventTopic.from(Topics.FINANCE);
        EventTopic internal = EventTopic.from(Topics.FINANCE_INTERNAL);
        String caseId = as(buyer).body(openCase(s.responseId(), "2000000.00")).post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
        as(buyer).body(contract(RISE)).post("/api/v1/cases/" + caseId + "/contract").then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/case-not-funded"));
        for (Object[] i : new Object[][] {{senior, "1500000.00", "SENIOR"}, {firstLoss, "500000.00",
                "FIRST_LOSS_GUARANTEE"}}) {
            String token = investor((UUID) i[0]);
            as(token).body(mandate("Fond", "100000.00", "1500000.00", true)).put("/api/v1/investors/mine").then()
                    .statusCode(201);
            as(token).body(commitment((String) i[1], (String) i[2])).post("/api/v1/cases/" + caseId
                    + "/commitments").then().statusCode(201);
        }
        as(buyer).body(contract(senior)).post("/api/v1/cases/" + caseId + "/contract").then().statusCode(400)
                .body("errors[0].field", equalTo("verifierOrgId"));
        as(buyer(Fixtures.YSTAD)).body(contract(RISE)).post("/api/v1/cases/" + caseId + "/contract").then()
                .statusCode(404);
        as(buyer).body(contract(RISE)).post("/api/v1/cases/" + caseId + "/contract").then().statusCode(201)
                .body("verifierOrgId", equalTo(RISE.toString()));
        as(buyer).body(contract(RISE)).post("/api/v1/cases/" + caseId + "/contract").then().statusCode(409);

        String provider = innovator(RAMSJO_SHOP);
        String verifier = coordinator(RISE);
        String q1 = as(provider).body(claim("2027-Q1", 20, 5)).post("/api/v1/cases/" + caseId + "/claims").then()
                .statusCode(201).extract().path("id");
        as(provider).body(claim("2027-Q1", 20, 5)).post("/api/v1/cases/" + caseId + "/claims").then()
                .statusCode(409).body("type", equalTo("https://utfall.se/problems/claimed-already"));
        as(innovator(UUID.randomUUID())).body(claim("2027-Q3", 1, 1)).post("/api/v1/cases/" + caseId + "/claims")
                .then().statusCode(404);
        as(coordinator(UUID.randomUUID())).header("If-Match", "\"0\"").post("/api/v1/claims/" + q1 + "/validate")
                .then().statusCode(404);
        as(provider).header("If-Match", "\"0\"").post("/api/v1/claims/" + q1 + "/validate").then().statusCode(403);
        // Q1: 20 × 12 000 = 240 000; 5 acute visits are below the minimum of 10: nothing for them. All of it is
        // senior principal.
        Response paid = as(verifier).header("If-Match", "\"0\"").post("/api/v1/claims/" + q1 + "/validate");
        paid.then().statusCode(200).body("total.amount", equalTo(240000.00f))
                .body("perMetric[1].amount.amount", equalTo(0.00f))
                .body("distribution[0].organisationId", equalTo(senior.toString()))
                .body("distribution[0].principal.amount", equalTo(240000.00f))
                .body("distribution[1].principal.amount", equalTo(0.00f));
        as(verifier).header("If-Match", "\"1\"").post("/api/v1/claims/" + q1 + "/validate").then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/claim-decided"));

        String q2 = as(provider).body(claim("2027-Q2", 40, 100)).post("/api/v1/cases/" + caseId + "/claims").then()
                .statusCode(201).extract().path("id");
        as(verifier).header("If-Match", "\"0\"").body("{\"reason\": \"Besöken saknar underlag från regionen\"}")
                .post("/api/v1/claims/" + q2 + "/dispute").then().statusCode(200).body("status", equalTo("DISPUTED"));
        String q2again = as(provider).body(claim("2027-Q2", 40, 100)).post("/api/v1/cases/" + caseId + "/claims")
                .then().statusCode(201).extract().path("id");
        // Q2: 40 × 12 000 + 100 × 3 500 = 830 000, all senior principal (1 260 000 still outstanding).
        as(verifier).header("If-Match", "\"0\"").post("/api/v1/claims/" + q2again + "/validate").then()
                .statusCode(200).body("total.amount", equalTo(830000.00f))
                .body("distribution[0].principal.amount", equalTo(830000.00f));

        as(buyer).get("/api/v1/cases/" + caseId + "/payments").then().statusCode(200)
                .body("size()", equalTo(2)).body("[1].perPayer[0].amount.amount", equalTo(830000.00f));
        as(investor(senior)).get("/api/v1/cases/" + caseId + "/payments").then().statusCode(403);
        assertThat(Db.count("SELECT count(*) FROM payment WHERE case_id = ?::uuid", caseId)).isEqualTo(2);

        // The terms are public (no investor in them); claims and payments stay internal.
        List<EventTopic.Event> signed = finance.await(1, e -> e.type().equals(EventTypes.CONTRACT_SIGNED)
                && caseId.equals(e.key()), Duration.ofSeconds(30));
        assertThat(signed.get(0).body().toString()).contains(RISE.toString()).doesNotContain(senior.toString())
                .doesNotContain(firstLoss.toString());
        internal.await(2, e -> e.type().equals(EventTypes.PAYMENT_DUE) && caseId.equals(e.key()),
                Duration.ofSeconds(30));
        internal.await(1, e -> e.type().equals(EventTypes.CLAIM_DISPUTED) && caseId.equals(e.key()),
                Duration.ofSeconds(30));
        assertThat(internal.collect(e -> e.type().equals(EventTypes.CLAIM_VALIDATED) && caseId.equals(e.key()),
                Duration.ofSeconds(2))).as("validated once per claim").hasSize(2);
        finance.close();
        internal.close();
    }
}
