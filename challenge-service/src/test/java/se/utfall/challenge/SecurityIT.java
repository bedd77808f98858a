package se.utfall.challenge;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import se.utfall.testing.Api;
import se.utfall.testing.Db;
import se.utfall.testing.Tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.challenge.Fixtures.RAMSJO_SHOP;
import static se.utfall.challenge.Fixtures.TOMELILLA;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

@QuarkusTest
class SecurityIT {

    private static void unauthorized(String token) {
        long before = Db.count("SELECT count(*) FROM challenge");
        RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.ramsjo())
                .post("/api/v1/challenges").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", Matchers.startsWith("Bearer"));
        assertThat(Db.count("SELECT count(*) FROM challenge")).isEqualTo(before);
    }

    @Test
    void missingExpiredForgedOrForeignTokensAre401() {
        anonymous().body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        Tokens tokens = Api.tokens();
        unauthorized(tokens.expired("buyer", LJUSDAL));
        unauthorized(tokens.wrongIssuer("buyer", LJUSDAL));
        unauthorized(tokens.wrongAudience("buyer", LJUSDAL));
        unauthorized(tokens.wrongKey("buyer", LJUSDAL));
        unauthorized("not.a.jwt");
        unauthorized(tokens.withoutSubject("buyer", LJUSDAL));
        RestAssured.given().auth().oauth2(tokens.withoutSubject("buyer", LJUSDAL)).get("/api/v1/challenges/mine")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rolesDecideWhatOneMayDo() {
        as(innovator(RAMSJO_SHOP)).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(403)
                .contentType("application/problem+json");
        as(Api.tokens().withoutRole(LJUSDAL)).body(Fixtures.ramsjo()).post("/api/v1/challenges").then()
                .statusCode(403);
        as(Api.tokens().token("orgless", "buyer", null)).body(Fixtures.ramsjo()).post("/api/v1/challenges")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherOrganisationSeesNeitherDraftsNorCanChangeAnything() {
        String owner = buyer(LJUSDAL);
        String other = buyer(TOMELILLA);
        String draft = as(owner).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(other).get("/api/v1/challenges/" + draft).then().statusCode(404).contentType("application/problem+json");
        as(other).get("/api/v1/challenges/" + draft + "/history").then().statusCode(404);
        as(other).post("/api/v1/challenges/" + draft + "/publish").then().statusCode(404);
        as(other).get("/api/v1/challenges/mine").then().statusCode(200)
                .body("items.id", Matchers.not(Matchers.hasItem(draft)));

        as(owner).header("If-Match", "\"0\"").post("/api/v1/challenges/" + draft + "/publish").then().statusCode(200);
        Map<String, Object> hijack = Fixtures.ramsjo();
        hijack.put("title", "Kapad");
        as(other).header("If-Match", "\"1\"").body(hijack).put("/api/v1/challenges/" + draft).then().statusCode(404);
        as(other).post("/api/v1/challenges/" + draft + "/close").then().statusCode(404);
        as(other).body(Map.of("title", "Kapad workshop", "startsAt", "2030-01-01T10:00:00Z",
                "endsAt", "2030-01-01T12:00:00Z", "location", "Tomelilla", "capacity", 5))
                .post("/api/v1/challenges/" + draft + "/workshops").then().statusCode(404);
        assertThat(Db.rows("SELECT title, status FROM challenge WHERE id = ?", UUID.fromString(draft)).get(0))
                .containsEntry("title", "Dagliga måltider för äldre i Ramsjö").containsEntry("status", "PUBLISHED");

        anonymous().get("/api/v1/challenges/" + draft).then().statusCode(200).body("title",
                equalTo("Dagliga måltider för äldre i Ramsjö"));
        as(other).get("/api/v1/challenges/" + draft).then().statusCode(200);
    }

    @Test
    void adminsCanSupportAnyOrganisation() {
        String draft = as(buyer(LJUSDAL)).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(Api.tokens().token("support", "admin", UUID.randomUUID())).get("/api/v1/challenges/" + draft)
                .then().statusCode(200);
    }

    /** quarkus.security.jaxrs.deny-unannotated-endpoints: a forgotten annotation closes the door. */
    @Test
    void anEndpointWithoutASecurityAnnotationIsDenied() {
        Api.anonymous().get("/api/v1/test-probes/unannotated").then().statusCode(401)
                .contentType("application/problem+json");
        as(buyer(LJUSDAL)).get("/api/v1/test-probes/unannotated").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aCoBuyerMayReadButNotChangeAndIsToldSoWhileStrangersSeeNothing() {
        Map<String, Object> body = Fixtures.ramsjo();
        body.put("coBuyerOrgIds", List.of(TOMELILLA.toString()));
        String id = as(buyer(LJUSDAL)).body(body).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        String coBuyer = buyer(TOMELILLA);
        as(coBuyer).get("/api/v1/challenges/" + id).then().statusCode(200);
        as(coBuyer).header("If-Match", "\"0\"").body(Fixtures.ramsjo()).put("/api/v1/challenges/" + id).then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", Matchers.containsString("may read it but not change it"));
        as(coBuyer).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then()
                .statusCode(403);
        String stranger = buyer(UUID.randomUUID());
        as(stranger).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then()
                .statusCode(404);
        as(buyer(LJUSDAL)).get("/api/v1/challenges/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"));
    }
}
