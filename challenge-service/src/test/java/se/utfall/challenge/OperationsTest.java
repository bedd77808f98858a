package se.utfall.challenge;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/** What operators and integrators rely on: API docs, readiness over database and broker, metrics. */
@QuarkusTest
class OperationsTest {

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
    void readinessCoversPostgresqlAndKafka() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check",
                        "Reactive PostgreSQL connections health check"));
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        RestAssured.get("/api/v1/challenges").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("utfall_outbox_published_total"))
                .body(containsString("utfall_outbox_pending"))
                .body(containsString("http_server_requests_seconds"));
    }
}
