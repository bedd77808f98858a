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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static se.utfall.rfi.Fixtures.RAMSJO_SHOP;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.YSTAD;
import static se.utfall.rfi.Fixtures.answers;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.publishedRfi;
import static se.utfall.testing.Api.admin;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/**
 * Consortia form by consent: naming an organisation makes it nothing; an invitation it accepts makes it a member,
 * who reads the response, its receipt and its decision, and is the only kind of member events carry.
 */
@QuarkusTest
class ConsortiumIT {
    private static final UUID CAMPING = UUID.randomUUID();
    private static final UUID FOODBOX = UUID.randomUUID();

    private static Map<String, Object> naming(ExtractableResponse<Response> rfi, UUID member) {
        Map<String, Object> body = new HashMap<>(answers(rfi));
        body.put("consortium", List.of(Map.of("name", "Någon annan", "organisationId", member.toString(),
                "role", "Påstås vara med")));
        return body;
    }

    @Test
    void namingAnOrganisationWithoutItsConsentIsRefusedAndChangesNothing() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60),
                nowSeconds().plusSeconds(3600));
        String rfiId = rfi.path("id");
        UUID spoofer = UUID.randomUUID();
        try (EventTopic topic = EventTopic.from(Topics.RESPONSES_INTERNAL)) {
            as(innovator(spoofer)).body(naming(rfi, YSTAD)).post("/api/v1/rfis/" + rfiId + "/responses").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("consortium[0].organisationId"));
            assertThat(Db.count("SELECT count(*) FROM rfi_response WHERE rfi_id = ?::uuid", rfiId)).isZero();

            // A draft sent back with the claim: refused, the stored draft unchanged; submitted, it names no one.
            String id = as(innovator(spoofer)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses")
                    .then().statusCode(201).extract().path("id");
            as(innovator(spoofer)).header("If-Match", "\"0\"").body(naming(rfi, YSTAD))
                    .put("/api/v1/responses/" + id).then().statusCode(422);
            as(innovator(spoofer)).header("If-Match", "\"0\"").post("/api/v1/responses/" + id + "/submit").then()
                    .statusCode(200).body("consortium.organisationId", not(hasItem(YSTAD.toString())));
            EventTopic.Event submitted = topic.await(1, e -> rfiId.equals(e.key())
                    && EventTypes.RESPONSE_SUBMITTED.equals(e.type())).get(0);
            assertThat(submitted.body().path("consortiumOrganisationIds").toString())
                    .doesNotContain(YSTAD.toString());
            // The named organisation learns nothing of it.
            as(innovator(YSTAD)).get("/api/v1/responses/" + id).then().statusCode(404);
            as(innovator(YSTAD)).get("/api/v1/consortia/invitations/mine").then().statusCode(200)
                    .body("items.rfiId", not(hasItem(rfiId)));
        }
    }

    @Test
    void theRamsjoConsortiumFormsByInvitationAndItsMemberReadsTheDecision() {
        Instant closes = nowSeconds().plusSeconds(10);
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), closes);
        String rfiId = rfi.path("id");
        try (EventTopic topic = EventTopic.from(Topics.RESPONSES_INTERNAL)) {
            String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses")
                    .then().statusCode(201).extract().path("id");
            String base = "/api/v1/responses/" + id + "/consortium";

            // The shop invites the campsite kitchen and a meal-box company; only the lead may invite.
            as(innovator(RAMSJO_SHOP)).body(Map.of("organisationId", CAMPING, "name", "Ramsjö Camping",
                    "role", "Lagar maten i campingens kök")).post(base + "/invitations").then().statusCode(201)
                    .header("Location", containsString("/api/v1/consortia/invitations/"))
                    .body("status", equalTo("INVITED"));
            as(innovator(RAMSJO_SHOP)).body(Map.of("organisationId", FOODBOX, "name", "Matlådan AB",
                    "role", "Kör ut")).post(base + "/invitations").then().statusCode(201);
            as(innovator(RAMSJO_SHOP)).body(Map.of("organisationId", CAMPING, "name", "x", "role", "y"))
                    .post(base + "/invitations").then().statusCode(409);
            as(innovator(YSTAD)).body(Map.of("organisationId", YSTAD, "name", "x", "role", "y"))
                    .post(base + "/invitations").then().statusCode(404);
            // Invited is not a member: the response does not name it yet.
            as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + id).then()
                    .body("consortium.organisationId", not(hasItem(CAMPING.toString())));
            as(innovator(CAMPING)).get("/api/v1/responses/" + id).then().statusCode(404);

            // Each sees its own invitation, with what it is about; another organisation cannot answer it.
            String campingInvitation = as(innovator(CAMPING)).get("/api/v1/consortia/invitations/mine").then()
                    .statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("INVITED"))
                    .body("items[0].rfiTitle", equalTo(rfi.path("title")))
                    .body("items[0].leadOrganisationId", equalTo(RAMSJO_SHOP.toString()))
                    .body("items[0].etag", equalTo("\"0\""))
                    .extract().path("items[0].id");
            String foodboxInvitation = as(innovator(FOODBOX)).get("/api/v1/consortia/invitations/mine").then()
                    .extract().path("items[0].id");
            as(innovator(YSTAD)).header("If-Match", "\"0\"")
                    .post("/api/v1/consortia/invitations/" + campingInvitation + "/accept").then().statusCode(404);
            as(innovator(FOODBOX)).header("If-Match", "\"0\"")
                    .post("/api/v1/consortia/invitations/" + foodboxInvitation + "/decline").then().statusCode(200)
                    .body("status", equalTo("DECLINED"));
            as(innovator(CAMPING)).post("/api/v1/consortia/invitations/" + campingInvitation + "/accept").then()
                    .statusCode(428);
            as(innovator(CAMPING)).header("If-Match", "\"0\"")
                    .post("/api/v1/consortia/invitations/" + campingInvitation + "/accept").then().statusCode(200)
                    .body("status", equalTo("ACCEPTED")).header("ETag", "\"1\"");
            as(innovator(CAMPING)).header("If-Match", "\"1\"")
                    .post("/api/v1/consortia/invitations/" + campingInvitation + "/accept").then().statusCode(409);

            // Now a member: named in the response, which it reads but cannot change; the lead submits.
            String etag = as(innovator(RAMSJO_SHOP)).get("/api/v1/responses/" + id).then()
                    .body("consortium.organisationId", hasItem(CAMPING.toString()))
                    .body("consortium.organisationId", not(hasItem(FOODBOX.toString())))
                    .extract().header("ETag");
            as(innovator(CAMPING)).get("/api/v1/responses/" + id).then().statusCode(200);
            as(innovator(CAMPING)).header("If-Match", etag).body(answers(rfi)).put("/api/v1/responses/" + id)
                    .then().statusCode(404);
            as(innovator(CAMPING)).get(base).then().statusCode(200).body("size()", equalTo(1));
            as(innovator(RAMSJO_SHOP)).get(base).then().statusCode(200)
                    .body("status", equalTo(List.of("ACCEPTED", "DECLINED")));
            as(innovator(RAMSJO_SHOP)).header("If-Match", etag).post("/api/v1/responses/" + id + "/submit").then()
                    .statusCode(200);
            as(innovator(CAMPING)).get("/api/v1/responses/" + id + "/receipt").then().statusCode(200)
                    .body("matches", equalTo(true));
            as(innovator(FOODBOX)).get("/api/v1/responses/" + id + "/receipt").then().statusCode(404);
            // After submission the consortium is fixed.
            as(innovator(CAMPING)).header("If-Match", "\"1\"")
                    .post("/api/v1/consortia/invitations/" + campingInvitation + "/leave").then().statusCode(409);

            List<EventTopic.Event> events = topic.await(5, e -> rfiId.equals(e.key()));
            assertThat(events).extracting(EventTopic.Event::type).containsExactly(EventTypes.CONSORTIUM_INVITED,
                    EventTypes.CONSORTIUM_INVITED, EventTypes.CONSORTIUM_DECLINED, EventTypes.CONSORTIUM_ACCEPTED,
                    EventTypes.RESPONSE_SUBMITTED);
            events.forEach(e -> assertThat(EventSchemas.validate(e.type(), e.body())).isEmpty());
            assertThat(events.get(4).body().path("consortiumOrganisationIds").toString())
                    .isEqualTo("[\"" + CAMPING + "\"]");

            // The buyer decides; once the evaluation is completed the member reads the decision and feedback.
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                    "SELECT count(*) FROM rfi WHERE id = ?::uuid AND status = 'CLOSED'", rfiId) == 1);
            String responseEtag = as(buyer(TOMELILLA)).get("/api/v1/responses/" + id).then().statusCode(200)
                    .extract().header("ETag");
            as(buyer(TOMELILLA)).header("If-Match", responseEtag).body(Map.of("decision", "SHORTLISTED",
                    "feedback", "Byns egna krafter, lägre kostnad.")).put("/api/v1/responses/" + id + "/decision")
                    .then().statusCode(200);
            as(innovator(CAMPING)).get("/api/v1/responses/" + id).then().body("outcome", equalTo(null));
            String rfiEtag = as(buyer(TOMELILLA)).get("/api/v1/rfis/" + rfiId).then().extract().header("ETag");
            as(buyer(TOMELILLA)).header("If-Match", rfiEtag).post("/api/v1/rfis/" + rfiId + "/evaluation/complete")
                    .then().statusCode(200);
            as(innovator(CAMPING)).get("/api/v1/responses/" + id).then().statusCode(200)
                    .body("outcome.decision", equalTo("SHORTLISTED"))
                    .body("outcome.feedback", equalTo("Byns egna krafter, lägre kostnad."));
            as(innovator(FOODBOX)).get("/api/v1/responses/" + id).then().statusCode(404);
        }
    }

    @Test
    void aMemberMayLeaveAndTheLeadRemoveOneBeforeSubmission() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60),
                nowSeconds().plusSeconds(3600));
        UUID lead = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        String id = as(innovator(lead)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id") + "/responses")
                .then().statusCode(201).extract().path("id");
        String base = "/api/v1/responses/" + id + "/consortium";
        for (UUID org : List.of(leaver, removed)) {
            String invitation = as(innovator(lead)).body(Map.of("organisationId", org, "name", "Partner",
                    "role", "Hjälper till")).post(base + "/invitations").then().statusCode(201).extract().path("id");
            as(innovator(org)).header("If-Match", "\"0\"")
                    .post("/api/v1/consortia/invitations/" + invitation + "/accept").then().statusCode(200);
        }
        String leaving = as(innovator(leaver)).get("/api/v1/consortia/invitations/mine").then()
                .extract().path("items[0].id");
        as(innovator(leaver)).header("If-Match", "\"1\"")
                .post("/api/v1/consortia/invitations/" + leaving + "/leave").then().statusCode(200)
                .body("status", equalTo("LEFT"));
        as(innovator(removed)).header("If-Match", "\"1\"").delete(base + "/" + removed).then().statusCode(404);
        as(innovator(lead)).header("If-Match", "\"1\"").delete(base + "/" + removed).then().statusCode(200)
                .body("status", equalTo("REMOVED"));
        as(innovator(lead)).get("/api/v1/responses/" + id).then()
                .body("consortium.organisationId", not(hasItem(leaver.toString())))
                .body("consortium.organisationId", not(hasItem(removed.toString())))
                .body("consortium[0].name", equalTo("Ramsjö Camping (kök)"));
        as(innovator(leaver)).get("/api/v1/responses/" + id).then().statusCode(404);
        as(innovator(removed)).get("/api/v1/responses/" + id).then().statusCode(404);
    }

    /**
     * An invitation never stays open against its addressee's will: it can be declined after the lead submitted;
     * a decline is final; consent is given only by the invited organisation itself, not by an admin; the buyer
     * cannot be a member.
     */
    @Test
    void aDeclineIsAlwaysPossibleAndFinalAndConsentIsNeverGivenOnAnotherOrganisationsBehalf() {
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60),
                nowSeconds().plusSeconds(3600));
        UUID lead = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        String id = as(innovator(lead)).body(answers(rfi)).post("/api/v1/rfis/" + rfi.path("id") + "/responses")
                .then().statusCode(201).extract().path("id");
        String base = "/api/v1/responses/" + id + "/consortium";
        as(innovator(lead)).body(Map.of("organisationId", TOMELILLA, "name", "Köparen", "role", "x"))
                .post(base + "/invitations").then().statusCode(400);
        String invitation = as(innovator(lead)).body(Map.of("organisationId", late, "name", "Sen partner",
                "role", "Kör ut")).post(base + "/invitations").then().statusCode(201).extract().path("id");
        as(admin()).header("If-Match", "\"0\"").post("/api/v1/consortia/invitations/" + invitation + "/accept")
                .then().statusCode(403);
        as(innovator(UUID.randomUUID())).header("If-Match", "\"0\"")
                .post("/api/v1/consortia/invitations/" + invitation + "/accept").then().statusCode(404);
        as(innovator(lead)).header("If-Match", "\"0\"").post("/api/v1/responses/" + id + "/submit").then()
                .statusCode(200);
        // Submitted: too late to join, never too late to say no.
        as(innovator(late)).header("If-Match", "\"0\"")
                .post("/api/v1/consortia/invitations/" + invitation + "/accept").then().statusCode(409);
        as(innovator(late)).header("If-Match", "\"0\"")
                .post("/api/v1/consortia/invitations/" + invitation + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        as(innovator(lead)).body(Map.of("organisationId", late, "name", "Sen partner", "role", "Kör ut"))
                .post(base + "/invitations").then().statusCode(409);
        // How the consortium formed is not the buyer's business.
        as(buyer(TOMELILLA)).get("/api/v1/responses/" + id + "/history").then().statusCode(200)
                .body("items.action", not(hasItem("CONSORTIUM_DECLINED")))
                .body("items.action", not(hasItem("CONSORTIUM_INVITED")));
    }
}
