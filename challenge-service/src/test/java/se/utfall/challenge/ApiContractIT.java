package se.utfall.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.testing.OpenApiContract;
import se.utfall.testing.OpenApiContractTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is complete enough for a frontend team to generate a typed client from it (the rules every
 * service keeps are in {@link OpenApiContract}), and documents the headers clients of challenges rely on.
 */
@QuarkusTest
class ApiContractIT extends OpenApiContractTests {
    @Test
    void theHeadersClientsRelyOnAreDocumented() {
        JsonNode challenge = doc().path("paths").path("/api/v1/challenges/{id}");
        assertThat(challenge.path("get").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(challenge.path("put").path("responses").path("200").path("headers").has("ETag")).isTrue();
        JsonNode created = doc().path("paths").path("/api/v1/challenges").path("post").path("responses").path("201");
        assertThat(created.path("headers").has("Location")).isTrue();
        assertThat(created.path("headers").has("ETag")).isTrue();
    }
}
