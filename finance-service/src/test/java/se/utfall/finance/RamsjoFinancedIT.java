package se.utfall.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static se.utfall.finance.Fixtures.GOAL_ALONE;
import static se.utfall.finance.Fixtures.GOAL_VISITS;
import static se.utfall.finance.Fixtures.LJUSDAL;
import static se.utfall.finance.Fixtures.RAMSJO_SHOP;
import static se.utfall.finance.Fixtures.RISE;
import static se.utfall.finance.Fixtures.commitment;
import static se.utfall.finance.Fixtures.mandate;
import static se.utfall.finance.Fixtures.openCase;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.coordinator;
import static se.utfall.testing.Api.innovator;
import static se.utfall.testing.Api.investor;

/**
 * "Ramsjö financed", the whole way: a shortlisted response arrives as an event, a case opens, a senior lender and a
 * first-loss guarantor commit exactly the target, the payer signs a contract with a 40 % base payment, two priced
 * outcome goals with caps and three payment points; the claims are validated (one disputed and claimed again), the
 * contract is varied between them, the overall cap binds at the end; payments, distributions, savings, multiples
 * and the INDIGO export come out as computed by hand below; the events are on their topics.
 */
@QuarkusTest
class RamsjoFinancedIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema INDIGO = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:indigo/project.json"));

    static String terms(String alonePrice, String aloneCap, String disclosure) {
        return """
                {"metrics": [
                   {"goalId": "%s", "pricePerUnit": {"amount": %s}, "cap": {"amount": %s}},
                   {"goalId": "%s", "pricePerUnit": {"amount": 3500.00}, "cap": {"amount": 700000.00},
                    "minimumUnits": 10}],
                 "overallCap": {"amount": 2400000.00}, "returnCapPercent": 20, "basePaymentPercent": 40,
                 "paymentPoints": [{"period": "2027-H1", "kind": "INTERIM"}, {"period": "2027-H2", "kind": "INTERIM"},
                                   {"period": "2028-H1", "kind": "FINAL"}],
                 %s
                 "verifierOrgId": "%s"}""".formatted(GOAL_ALONE, alonePrice, aloneCap, GOAL_VISITS,
                disclosure == null ? "" : "\"disclosure\": " + disclosure + ",", RISE);
    }

    static String claim(String period, int alone, int visits) {
        return """
                {"period": "%s", "units": [{"goalId": "%s", "units": %d}, {"goalId": "%s", "units": %d}],
                 "evidence": "Region Gävleborg, utdrag %s", "deliveredAsPlanned": true}""".formatted(period,
                GOAL_ALONE, alone, GOAL_VISITS, visits, period);
    }

    static String savings(UUID goal, String baseline, String actual, int deadweight, int attribution, int cashable) {
        return """
                {"goalId": "%s", "period": "2027-H1", "baselineCost": {"amount": %s}, "actualCost": {"amount": %s},
                 "method": "Jämförelse med 2024-2025 för samma åldersgrupp", "source": "Region Gävleborg",
                 "deadweightPercent": %d, "attributionPercent": %d, "cashablePercent": %d,
                 "budgetHolder": "Region Gävleborg, hälso- och sjukvård"}""".formatted(goal, baseline, actual,
                deadweight, attribution, cashable);
    }

    /** A funded case of Ljusdal's with a senior lender (1 500 000) and a first-loss guarantor (500 000). */
    static String fundedCase(UUID senior, UUID firstLoss) {
        Fixtures.Shortlisted s = Fixtures.shortlisted(LJUSDAL, true);
        String caseId = as(buyer(LJUSDAL)).body(openCase(s.responseId(), "2000000.00")).post("/api/v1/cases").then()
                .statusCode(201).extract().path("id");
        for (Object[] i : new Object[][] {{senior, "1500000.00", "SENIOR"}, {firstLoss, "500000.00",
                "FIRST_LOSS_GUARANTEE"}}) {
            String token = investor((UUID) i[0]);
            as(token).body(mandate("Fond", "100000.00", "1500000.00", true)).put("/api/v1/investors/mine").then()
                    .statusCode(201);
            as(token).body(commitment((String) i[1], (String) i[2])).post("/api/v1/cases/" + caseId
                    + "/commitments").then().statusCode(201);
        }
        return caseId;
    }

    static String validate(String claimId, int version, String verifier, int status) {
        return as(verifier).header("If-Match", "\"" + version + "\"").post("/api/v1/claims/" + claimId + "/validate")
                .then().statusCode(status).extract().asString();
    }

    @Test
    void ramsjoIsFinancedPaidByVerifiedOutcomesAndExportedToIndigo() throws Exception {
        UUID senior = UUID.randomUUID();
        UUID firstLoss = UUID.randomUUID();
        EventTopic finance = EventTopic.from(Topics.FINANCE);
        EventTopic internal = EventTopic.from(Topics.FINANCE_INTERNAL);
        String buyer = buyer(LJUSDAL);
        String provider = innovator(RAMSJO_SHOP);
        String verifier = coordinator(RISE);
        String caseId = fundedCase(senior, firstLoss);
        String base = "/api/v1/cases/" + caseId;
        as(buyer).get(base).then().body("status", equalTo("FUNDED"));

        // Bad terms change nothing: two FINAL points, a point named twice, an unknown goal.
        as(buyer).body(terms("12000.00", "800000.00", null).replace("\"INTERIM\"}, {\"period\": \"2027-H2\"",
                "\"FINAL\"}, {\"period\": \"2027-H1\"")).post(base + "/contract").then().statusCode(400)
                .body("errors.field", hasItems("paymentPoints[0].kind",
                        "paymentPoints[1].period"));
        Response signed = as(buyer).body(terms("12000.00", "800000.00", null)).post(base + "/contract");
        signed.then().statusCode(201).body("termsNumber", equalTo(1)).body("basePayment.amount", equalTo(960000.00f))
                .body("status", equalTo("ACTIVE"));
        String etag = signed.header("ETag");
        assertThat(as(buyer).get(base + "/contract").header("ETag")).as("the contract as signed").isEqualTo(etag);

        // 2027-H1, delivered as planned: base 960 000 / 3 = 320 000; 20 × 12 000 = 240 000; 40 × 3 500 = 140 000.
        // 700 000, all of it senior principal.
        as(provider).body(claim("2027-Q3", 1, 1)).post(base + "/claims").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        String h1 = as(provider).body(claim("2027-H1", 20, 40)).post(base + "/claims").then().statusCode(201)
                .extract().path("id");
        assertThat(as(buyer).get(base + "/contract").header("ETag")).as("a claim does not vary the contract")
                .isEqualTo(etag);
        Response p1 = as(verifier).header("If-Match", "\"0\"")
                .post("/api/v1/claims/" + h1 + "/validate");
        p1.then().statusCode(200).body("total.amount", equalTo(700000.00f))
                .body("basePayment.amount", equalTo(320000.00f))
                .body("perMetric[0].amount.amount", equalTo(240000.00f))
                .body("perMetric[1].amount.amount", equalTo(140000.00f))
                .body("distribution[0].principal.amount", equalTo(700000.00f))
                .body("termsNumber", equalTo(1));

        // The final point waits for every earlier one: 2027-H2 is not validated yet.
        as(provider).body(claim("2028-H1", 1, 1)).post(base + "/claims").then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/earlier-points-open"));

        // A variation from 2027-07-01: 14 000 per person less alone, its cap 900 000. Not backwards, not over a
        // claimed period, not by another buyer, not without the contract's version.
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        String variation = """
                {"effectiveFrom": "%s", "reason": "Regionen delfinansierar ensamhetsmåttet från andra halvåret",
                 "terms": %s}""";
        as(buyer).header("If-Match", etag).body(variation.formatted("2027-06-30", terms("14000.00", "900000.00",
                null))).post(base + "/contract/variations").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveFrom"));
        as(buyer(Fixtures.YSTAD)).header("If-Match", etag).body(variation.formatted("2027-07-01",
                terms("14000.00", "900000.00", null))).post(base + "/contract/variations").then().statusCode(404);
        as(buyer).body(variation.formatted("2027-07-01", terms("14000.00", "900000.00", null)))
                .post(base + "/contract/variations").then().statusCode(428);
        String current = as(buyer).get(base + "/contract").then().statusCode(200).extract().header("ETag");
        as(buyer).header("If-Match", current).body(variation.formatted("2027-07-01", terms("14000.00", "900000.00",
                null))).post(base + "/contract/variations").then().statusCode(200).body("termsNumber", equalTo(2))
                .body("versions", hasSize(2)).body("versions[1].reason", equalTo(
                        "Regionen delfinansierar ensamhetsmåttet från andra halvåret"));
        as(buyer).queryParam("at", "2027-06-30").get(base + "/contract").then().statusCode(200)
                .body("termsNumber", equalTo(1)).body("metrics[0].pricePerUnit.amount", equalTo(12000.00f));
        as(buyer).queryParam("at", "2027-07-01").get(base + "/contract").then().statusCode(200)
                .body("termsNumber", equalTo(2)).body("metrics[0].pricePerUnit.amount", equalTo(14000.00f));
        as(buyer).queryParam("at", today).get(base + "/contract").then().statusCode(200)
                .body("termsNumber", equalTo(1));

        // 2027-H2, disputed then claimed again; paid by version 2: 320 000 + 30 × 14 000 + 60 × 3 500 = 950 000:
        // the senior's last 800 000, then 150 000 of first-loss principal.
        String h2 = as(provider).body(claim("2027-H2", 30, 60)).post(base + "/claims").then().statusCode(201)
                .extract().path("id");
        as(verifier).header("If-Match", "\"0\"").body("{\"reason\": \"Underlaget för besöken saknas\"}")
                .post("/api/v1/claims/" + h2 + "/dispute").then().statusCode(200);
        String h2again = as(provider).body(claim("2027-H2", 30, 60)).post(base + "/claims").then().statusCode(201)
                .extract().path("id");
        as(verifier).header("If-Match", "\"0\"").post("/api/v1/claims/" + h2again + "/validate").then()
                .statusCode(200).body("total.amount", equalTo(950000.00f)).body("termsNumber", equalTo(2))
                .body("distribution[0].principal.amount", equalTo(800000.00f))
                .body("distribution[1].principal.amount", equalTo(150000.00f));
        as(verifier).header("If-Match", "\"1\"").post("/api/v1/claims/" + h2again + "/validate").then()
                .statusCode(409);

        // 2028-H1, the final point: 320 000 + 40 × 14 000 (only 240 000 left of its 900 000 cap) + 80 × 3 500
        // = 840 000, but only 750 000 is left of the overall cap: the later metric is cut to 190 000. First loss
        // gets its last 350 000, then the returns: senior 20 % of 1 500 000 = 300 000, first loss 100 000.
        String f = as(provider).body(claim("2028-H1", 40, 80)).post(base + "/claims").then().statusCode(201)
                .extract().path("id");
        as(verifier).header("If-Match", "\"0\"").post("/api/v1/claims/" + f + "/validate").then().statusCode(200)
                .body("total.amount", equalTo(750000.00f)).body("basePayment.amount", equalTo(320000.00f))
                .body("perMetric[0].amount.amount", equalTo(240000.00f))
                .body("perMetric[1].amount.amount", equalTo(190000.00f))
                .body("distribution[0].returns.amount", equalTo(300000.00f))
                .body("distribution[1].principal.amount", equalTo(350000.00f))
                .body("distribution[1].returns.amount", equalTo(100000.00f))
                .body("distribution[2].principal.amount", equalTo(0.00f));
        as(buyer).get(base).then().body("status", equalTo("COMPLETED"));
        as(provider).body(claim("2028-H1", 1, 1)).post(base + "/claims").then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/contract-ended"));

        // The savings ledger: gross 300 000 × 0.9 × 0.8 = 216 000 net, half cashable; 1 100 000 × 0.8 = 880 000.
        as(buyer).body(savings(GOAL_ALONE, "500000.00", "200000.00", 10, 80, 50)).post(base + "/savings").then()
                .statusCode(201).body("net", equalTo(216000.00f)).body("cashable", equalTo(108000.00f));
        as(buyer).body(savings(GOAL_VISITS, "1400000.00", "300000.00", 20, 100, 100)).post(base + "/savings")
                .then().statusCode(201).body("net", equalTo(880000.00f));
        as(buyer).body(savings(GOAL_VISITS, "1.00", "1.00", 0, 100, 100)).post(base + "/savings").then()
                .statusCode(409);
        as(buyer).body(savings(GOAL_VISITS, "1.00", "1.00", 0, 100, 100)
                .replace("{\"amount\": 1.00}", "{\"amount\": 1.001}")).post(base + "/savings").then().statusCode(400);

        // The summary: public aggregate for anyone, each investor its own position, the payer all of them.
        anonymous().get(base + "/summary").then().statusCode(200).body("paid.amount", equalTo(2400000.00f))
                .body("remainingOverallCap.amount", equalTo(0.00f)).body("investors", hasSize(0))
                .body("goals[0].verified", equalTo(90)).body("goals[0].targetValue", equalTo(80))
                .body("goals[1].perPeriod", hasSize(3))
                .body("savings.net", equalTo(1096000.00f)).body("savings.netToBuyer", equalTo(-1304000.00f));
        as(investor(senior)).get(base + "/summary").then().statusCode(200).body("investors", hasSize(1))
                .body("investors[0].organisationId", equalTo(senior.toString()))
                .body("investors[0].multiple", equalTo(1.2f));
        as(buyer).get(base + "/summary").then().statusCode(200).body("investors", hasSize(2))
                .body("investors[1].principalBack.amount", equalTo(500000.00f))
                .body("investors[1].returnBack.amount", equalTo(100000.00f))
                .body("investors[1].multiple", equalTo(1.2f));

        // INDIGO: valid against the standard's schema, linked to the RFI's ocid, investors never named.
        String doc = anonymous().get(base + "/indigo").then().statusCode(200).extract().asString();
        JsonNode indigo = JSON.readTree(doc);
        assertThat(INDIGO.validate(indigo)).isEmpty();
        assertThat(indigo.path("open_contracting_datas").get(0).path("ocid").asText()).startsWith("ocds-");
        assertThat(indigo.path("outcome_pricings")).hasSize(2);
        assertThat(indigo.path("results")).hasSize(6);
        assertThat(indigo.path("outcome_payments")).hasSize(9);
        assertThat(indigo.path("overall_project_finance").path("total_outcome_payments_made").path("amount")
                .path("value").decimalValue()).isEqualByComparingTo("2400000.00");
        assertThat(doc).doesNotContain(senior.toString()).doesNotContain(firstLoss.toString());

        // The events, each in its audience.
        finance.await(1, e -> e.type().equals(EventTypes.CONTRACT_VARIED) && caseId.equals(e.key()),
                Duration.ofSeconds(30));
        List<EventTopic.Event> verified = finance.await(3, e -> e.type().equals(EventTypes.OUTCOME_VERIFIED)
                && caseId.equals(e.key()), Duration.ofSeconds(30));
        assertThat(verified.get(2).body().toString()).contains("\"cumulativeUnits\":90");
        assertThat(finance.collect(e -> caseId.equals(e.key()), Duration.ofSeconds(1)).toString())
                .doesNotContain(senior.toString()).doesNotContain(firstLoss.toString());
        internal.await(3, e -> e.type().equals(EventTypes.PAYMENT_DUE) && caseId.equals(e.key()),
                Duration.ofSeconds(30));
        assertThat(Db.count("SELECT count(*) FROM payment WHERE case_id = ?::uuid", caseId)).isEqualTo(3);
        finance.close();
        internal.close();
    }

    @Test
    void thePayerEndsAContractEarlyAndRepaysThePrincipalOutstanding() {
        UUID senior = UUID.randomUUID();
        UUID firstLoss = UUID.randomUUID();
        EventTopic finance = EventTopic.from(Topics.FINANCE);
        String buyer = buyer(LJUSDAL);
        String provider = innovator(RAMSJO_SHOP);
        String verifier = coordinator(RISE);
        String caseId = fundedCase(senior, firstLoss);
        String base = "/api/v1/cases/" + caseId;
        String signed = as(buyer).body(terms("12000.00", "800000.00", "{\"results\": \"PRIVATE\"}"))
                .post(base + "/contract").then().statusCode(201).extract().header("ETag");
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        // A variation that names no disclosure keeps the contract's: results stay PRIVATE.
        String etag = as(buyer).header("If-Match", signed).body("""
                {"effectiveFrom": "%s", "reason": "Ny kontaktväg till regionen", "terms": %s}""".formatted(today,
                terms("12000.00", "800000.00", null))).post(base + "/contract/variations").then().statusCode(200)
                .body("disclosure.results", equalTo("PRIVATE")).extract().header("ETag");
        String h1 = as(provider).body(claim("2027-H1", 20, 40)).post(base + "/claims").then().statusCode(201)
                .extract().path("id");
        String end = """
                {"trigger": "PAYER_CONVENIENCE", "reason": "Kommunen tar över insatsen i egen regi",
                 "effectiveOn": "%s"}""".formatted(today);
        as(buyer).header("If-Match", etag).body(end).post(base + "/contract/termination").then().statusCode(409)
                .body("type", equalTo("https://utfall.se/problems/claim-pending"));
        as(verifier).header("If-Match", "\"0\"").post("/api/v1/claims/" + h1 + "/validate").then().statusCode(200)
                .body("total.amount", equalTo(700000.00f));
        as(buyer).header("If-Match", etag).body(end.replace("PAYER_CONVENIENCE", "NO_SUCH_TRIGGER"))
                .post(base + "/contract/termination").then().statusCode(400);
        as(buyer).header("If-Match", etag).body(end).post(base + "/contract/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED")).body("termination.compensation",
                        equalTo("OUTSTANDING_PRINCIPAL"))
                // 2 000 000 lent, 700 000 back: 1 300 000 outstanding (800 000 senior, 500 000 first loss).
                .body("termination.paid.amount", equalTo(1300000.00f));
        as(buyer).get(base + "/payments").then().statusCode(200).body("size()", equalTo(2))
                .body("[1].kind", equalTo("TERMINATION"))
                .body("[1].distribution[0].principal.amount", equalTo(800000.00f))
                .body("[1].distribution[1].principal.amount", equalTo(500000.00f))
                .body("[1].distribution[0].returns.amount", equalTo(0.00f));
        as(buyer).get(base).then().body("status", equalTo("TERMINATED"));
        as(provider).body(claim("2027-H2", 1, 1)).post(base + "/claims").then().statusCode(409);
        as(buyer).header("If-Match", "\"9\"").body(end).post(base + "/contract/termination").then().statusCode(409);
        // Results are PRIVATE: outsiders see none, no outcome.verified is published; the parties see them.
        anonymous().get(base + "/summary").then().statusCode(200).body("goals", nullValue())
                .body("disclosure.results", equalTo("PRIVATE")).body("paid.amount", equalTo(2000000.00f));
        as(buyer).get(base + "/summary").then().statusCode(200).body("goals[0].verified", equalTo(20));
        finance.await(1, e -> e.type().equals(EventTypes.CONTRACT_TERMINATED) && caseId.equals(e.key()),
                Duration.ofSeconds(30));
        assertThat(finance.collect(e -> e.type().equals(EventTypes.OUTCOME_VERIFIED) && caseId.equals(e.key()),
                Duration.ofSeconds(2))).isEmpty();
        finance.close();
    }
}
