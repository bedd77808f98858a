package se.utfall.matching;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.testing.OpenApiContract;
import se.utfall.testing.OpenApiContractTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is complete enough for a frontend team to generate a typed client from it (the rules every
 * service keeps are in {@link OpenApiContract}), and documents the headers profile clients rely on.
 */
@QuarkusTest
class ApiContractIT extends OpenApiContractTests {
    @Test
    void theHeadersClientsRelyOnAreDocumented() {
        JsonNode mine = doc().path("paths").path("/api/v1/profiles/mine");
        assertThat(mine.path("get").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(mine.path("put").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(mine.path("put").path("responses").path("201").path("headers").has("Location")).isTrue();
    }
}
