package se.utfall.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.testing.Db;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static se.utfall.matching.Fixtures.HUDIKSVALL;
import static se.utfall.matching.Fixtures.LJUSDAL;
import static se.utfall.matching.Fixtures.TOMELILLA;
import static se.utfall.matching.Fixtures.challengeEvent;
import static se.utfall.matching.Fixtures.createProfile;
import static se.utfall.matching.Fixtures.newId;
import static se.utfall.matching.Fixtures.profile;
import static se.utfall.matching.Fixtures.publishAndAwait;
import static se.utfall.matching.Fixtures.ramsjo;
import static se.utfall.testing.Api.admin;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.coordinator;
import static se.utfall.testing.Api.innovator;
import static se.utfall.testing.Api.tokens;

/**
 * Who sees and changes what (OWASP API1/API3/API5), and bad input: each refused with the right 4xx problem and
 * nothing stored.
 */
@QuarkusTest
class ProfileAndAccessIT {
    private static String need;
    private static UUID kitchenOrg;
    private static String kitchen;

    @BeforeEach
    void aNeedWithACoBuyerAndAProfile() {
        if (need != null) {
            return;
        }
        need = newId();
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED,
                ramsjo(need, "PUBLISHED", 1, HUDIKSVALL), need), need, 1);
        kitchenOrg = UUID.randomUUID();
        kitchen = createProfile(kitchenOrg, profile("Ramsjö Camping, köket", "LOCAL_BUSINESS",
                "Campingens kök lagar husmanskost och kan laga lunch till byns äldre.", List.of("laga mat"),
                List.of("food"), List.of("2161")));
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", containsString("https://utfall.se/problems/")).body("title", Matchers.notNullValue());
    }

    @Test
    void recommendationsAreForTheNeedsBuyersAndCoordinatorsOnly() {
        String path = "/api/v1/needs/" + need;
        as(buyer(LJUSDAL)).get(path + "/recommendations").then().statusCode(200);
        as(buyer(HUDIKSVALL)).get(path + "/recommendations").then().statusCode(200);
        as(coordinator(UUID.randomUUID())).get(path + "/recommendations").then().statusCode(200);
        for (String sub : List.of("/recommendations", "/consortia", "/feedback")) {
            problem(as(buyer(TOMELILLA)).get(path + sub).then(), 404);
            problem(as(buyer(TOMELILLA)).get("/api/v1/needs/" + newId() + sub).then(), 404);
            problem(as(innovator(kitchenOrg)).get(path + sub).then(), 403);
            problem(anonymous().get(path + sub).then(), 401);
        }
        problem(as(buyer(TOMELILLA)).body(Map.of("useful", true))
                .put(path + "/recommendations/" + kitchen + "/feedback").then(), 404);
        assertThat(Db.count("SELECT count(*) FROM feedback WHERE need_id = ?::uuid AND org_id = ?::uuid", need,
                TOMELILLA.toString())).isZero();
        // The need itself is public.
        anonymous().get(path).then().statusCode(200).body("title", equalTo("Dagliga måltider för äldre i Ramsjö"));
    }

    /**
     * One name for an organisation everywhere: the identity provider's (the token's org_name), kept from the
     * profile's last change and shown beside the profile's own name in the profile and the buyer's ranking.
     */
    @Test
    void anOrganisationIsNamedAsItsIdentityProviderNamesIt() {
        UUID org = UUID.randomUUID();
        String token = tokens().token("shop-person", "innovator", org, "Ramsjö Lanthandel Ekonomisk förening",
                Duration.ofHours(1));
        String id = as(token).body(profile("Ramsjö Livs", "LOCAL_BUSINESS", "Byns affär kör hem mat och varor till"
                + " äldre i Ramsjö varje dag.", List.of("hemleverans"), List.of("food"), List.of("2161")))
                .put("/api/v1/profiles/mine").then().statusCode(201)
                .body("organisationName", equalTo("Ramsjö Lanthandel Ekonomisk förening"))
                .body("name", equalTo("Ramsjö Livs")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> ranked = as(buyer(LJUSDAL)).get("/api/v1/needs/" + need
                    + "/recommendations?limit=100").then().statusCode(200).extract().path("");
            return ranked.stream().anyMatch(r -> id.equals(r.get("profileId"))
                    && "Ramsjö Lanthandel Ekonomisk förening".equals(r.get("organisationName")));
        });
    }

    @Test
    void aProfileIsItsOrganisationsToChangeAndNotPublic() {
        UUID other = UUID.randomUUID();
        String path = "/api/v1/profiles/" + kitchen;
        problem(as(innovator(other)).get(path).then(), 404);
        problem(anonymous().get(path).then(), 401);
        as(buyer(LJUSDAL)).get(path).then().statusCode(200).body("contact.name", equalTo("Anna Andersson"));
        as(innovator(kitchenOrg)).get("/api/v1/profiles/mine").then().statusCode(200).body("id", equalTo(kitchen));
        // A body naming another organisation, an id and a version creates the caller's own profile, no other.
        Map<String, Object> body = profile("Annan AB", "COMPANY", "Vi gör annat.", List.of(), List.of(),
                List.of("SE"));
        body.put("id", kitchen);
        body.put("organisationId", kitchenOrg.toString());
        body.put("version", 7);
        String created = createProfile(other, body);
        assertThat(created).isNotEqualTo(kitchen);
        as(innovator(kitchenOrg)).get("/api/v1/profiles/mine").then().body("name", equalTo("Ramsjö Camping, köket"));
        assertThat(Db.rows("SELECT org_id::text AS org FROM profile WHERE id = ?::uuid", created).get(0))
                .containsEntry("org", other.toString());
    }

    @Test
    void changesNeedTheVersionTheClientRead() {
        UUID org = UUID.randomUUID();
        Map<String, Object> body = profile("Lanthandeln", "LOCAL_BUSINESS", "Dagligvaror och hemkörning.",
                List.of("hemleverans"), List.of("retail"), List.of("2161"));
        createProfile(org, body);
        body.put("description", "Dagligvaror, hemkörning och ombud.");
        problem(as(innovator(org)).body(body).put("/api/v1/profiles/mine").then(), 428);
        problem(as(innovator(org)).header("If-Match", "\"5\"").body(body).put("/api/v1/profiles/mine").then(), 412);
        as(innovator(org)).header("If-Match", "\"0\"").body(body).put("/api/v1/profiles/mine").then().statusCode(200)
                .header("ETag", "\"1\"").body("description", equalTo("Dagligvaror, hemkörning och ombud."));
        // The same content again writes nothing.
        as(innovator(org)).header("If-Match", "\"1\"").body(body).put("/api/v1/profiles/mine").then().statusCode(200)
                .header("ETag", "\"1\"");
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        UUID org = UUID.randomUUID();
        String token = innovator(org);
        problem(as(token).body("{\"name\": \"Lanthandeln\", ").put("/api/v1/profiles/mine").then(), 400);
        Map<String, Object> body = profile("Lanthandeln", "ALIEN", "Dagligvaror.", List.of(), List.of(),
                List.of("2161"));
        problem(as(token).body(body).put("/api/v1/profiles/mine").then(), 400);
        body = profile("", "LOCAL_BUSINESS", "x".repeat(5001), List.of(), List.of("Food & Drink"),
                List.of("21610", "Ljusdal"));
        problem(as(token).body(body).put("/api/v1/profiles/mine").then(), 400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("description"));
        body = profile("Lanthandeln", "LOCAL_BUSINESS", "Dagligvaror.", List.of(), List.of(), List.of());
        problem(as(token).body(body).put("/api/v1/profiles/mine").then(), 400);
        body = profile("Lanthandeln", "LOCAL_BUSINESS", "Dagligvaror.", List.of(), List.of(), List.of("2161"));
        body.put("contact", Map.of("email", "inte en adress"));
        problem(as(token).body(body).put("/api/v1/profiles/mine").then(), 400);
        body.put("contact", Map.of("email", "a@b.se"));
        body.put("description", "å".repeat(300_000));
        problem(as(token).body(body).put("/api/v1/profiles/mine").then(), 413);
        body.put("description", "Dagligvaror.");
        body.put("owner", "someone");
        problem(as(token).body(body).put("/api/v1/profiles/mine").then(), 400);
        problem(as(token).contentType("text/plain").body("hej").put("/api/v1/profiles/mine").then(), 415);
        problem(as(tokens().expired("innovator", org)).body(body).put("/api/v1/profiles/mine").then(), 401);
        problem(as(tokens().wrongKey("innovator", org)).body(body).put("/api/v1/profiles/mine").then(), 401);
        problem(as(buyer(org)).body(body).put("/api/v1/profiles/mine").then(), 403);
        problem(as(token).get("/api/v1/profiles/mine").then(), 404);
        assertThat(Db.count("SELECT count(*) FROM profile WHERE org_id = ?::uuid", org.toString())).isZero();

        // Feedback: a body is required, profiles and needs must exist, parameters must make sense.
        long feedback = Db.count("SELECT count(*) FROM feedback");
        String path = "/api/v1/needs/" + need + "/recommendations/";
        problem(as(buyer(LJUSDAL)).body(Map.of()).put(path + kitchen + "/feedback").then(), 400);
        problem(as(buyer(LJUSDAL)).body(Map.of("useful", "ja")).put(path + kitchen + "/feedback").then(), 400);
        problem(as(buyer(LJUSDAL)).body(Map.of("useful", true)).put(path + newId() + "/feedback").then(), 404);
        problem(as(buyer(LJUSDAL)).get("/api/v1/needs/" + need + "/recommendations?limit=0").then(), 400);
        problem(as(buyer(LJUSDAL)).get("/api/v1/needs/" + need + "/recommendations?lang=de").then(), 400);
        problem(anonymous().get("/api/v1/needs?kind=PROJECT").then(), 400);
        problem(anonymous().get("/api/v1/needs?municipality=Ljusdal").then(), 400);
        problem(anonymous().get("/api/v1/needs?size=1000").then(), 400);
        assertThat(Db.count("SELECT count(*) FROM feedback")).isEqualTo(feedback);
        // Rebuilding the index is for operators.
        problem(as(coordinator(UUID.randomUUID())).post("/api/v1/admin/need-index/rebuild").then(), 403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void feedbackIsShownBackAndExportedInTheEvaluationFormat() {
        String path = "/api/v1/needs/" + need + "/recommendations/" + kitchen + "/feedback";
        as(buyer(LJUSDAL)).body(Map.of("useful", false)).put(path).then().statusCode(201).header("ETag", "\"0\"");
        // Changing it takes the version read: a colleague's change meanwhile is not overwritten unseen.
        problem(as(buyer(LJUSDAL)).body(Map.of("useful", true)).put(path).then(), 428);
        problem(as(buyer(LJUSDAL)).header("If-Match", "\"7\"").body(Map.of("useful", true)).put(path).then(), 412);
        as(buyer(LJUSDAL)).header("If-Match", "\"0\"").body(Map.of("useful", true, "comment",
                "Kan laga maten i byn")).put(path).then().statusCode(200).body("useful", equalTo(true))
                .header("ETag", "\"1\"");
        List<Map<String, Object>> ranked = as(buyer(LJUSDAL)).get("/api/v1/needs/" + need + "/recommendations?limit=50")
                .then().statusCode(200).extract().path("");
        assertThat(ranked).filteredOn(r -> kitchen.equals(r.get("profileId"))).singleElement()
                .satisfies(r -> assertThat(r.get("feedback")).asString().contains("Kan laga maten i byn"));
        // Another buyer organisation of the need has its own judgements, not Ljusdal's.
        as(buyer(HUDIKSVALL)).get("/api/v1/needs/" + need + "/feedback").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0));
        as(buyer(LJUSDAL)).get("/api/v1/needs/" + need + "/feedback").then().statusCode(200)
                .body("items[0].comment", equalTo("Kan laga maten i byn")).body("total", equalTo(1));
        Map<String, Object> export = as(buyer(LJUSDAL)).get("/api/v1/feedback/export").then().statusCode(200)
                .extract().path("");
        assertThat(export).containsKeys("needs", "innovators", "relevance");
        assertThat(((Map<String, Map<String, Integer>>) export.get("relevance")).get(need))
                .containsEntry(kitchen, 2);
        assertThat(export.toString()).doesNotContain("Anna Andersson");
        as(buyer(HUDIKSVALL)).get("/api/v1/feedback/export").then().statusCode(200)
                .body("relevance.'" + need + "'", Matchers.nullValue());
        as(admin()).get("/api/v1/feedback/export").then().statusCode(200).body("relevance.'" + need + "'.'" + kitchen
                + "'", equalTo(2));
    }
}
