package se.utfall.challenge;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utfall.testing.TcpProxy;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.management;

/**
 * What operators and integrators rely on: API docs on the API port; health and metrics on the management port;
 * readiness that follows the database, not Kafka.
 */
@QuarkusTest
class OperationsIT {

    @AfterEach
    void restoreKafka() {
        if (TcpProxy.available()) {
            TcpProxy.setCut(false);
        }
    }

    @Test
    void openApiDescribesTheApiAndItsErrorContract() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Utfall challenge-service"))
                .body("paths.'/api/v1/challenges'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/challenges'.post.responses.'4XX'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/v1/challenges/{id}/process-trail'.put", notNullValue())
                .body("components.schemas.Problem.properties.errors.type", equalTo("array"))
                .body("components.schemas.ChallengeRequest.properties.municipalityCode.examples[0]",
                        equalTo("2161"));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        management().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("Outbox relay"));
        RestAssured.get("/api/v1/challenges").then().statusCode(200);
        management().get("/q/metrics").then().statusCode(200)
                .body(containsString("utfall_outbox_published_total"))
                .body(containsString("utfall_outbox_pending"))
                .body(containsString("utfall_outbox_parked"))
                .body(containsString("http_server_requests_seconds"));
        RestAssured.get("/q/metrics").then().statusCode(404);
        RestAssured.get("/q/health/ready").then().statusCode(404);
    }

    /**
     * While Kafka is away every replica must keep serving (changes wait in the outbox): readiness stays UP, and
     * the broker's state shows in the health group "kafka".
     */
    @Test
    void readinessFollowsTheDatabaseNotKafka() {
        assumeTrue(TcpProxy.available(), "needs the embedded broker, whose network the test can cut");
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")));
        TcpProxy.setCut(true);
        String token = buyer(LJUSDAL);
        // Something to publish, so the relay finds the broker gone.
        as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201);
        String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                management().get("/q/health/group/kafka").then().extract().statusCode() == 503);
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/api/v1/challenges/" + id).then().statusCode(200);
        TcpProxy.setCut(false);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                management().get("/q/health/group/kafka").then().extract().statusCode() == 200);
    }
}
