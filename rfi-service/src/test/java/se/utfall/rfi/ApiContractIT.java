package se.utfall.rfi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.testing.OpenApiContract;
import se.utfall.testing.OpenApiContractTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is complete enough for a frontend team to generate a typed client from it (the rules every
 * service keeps are in {@link OpenApiContract}), and documents the headers clients of RFIs and responses rely on.
 */
@QuarkusTest
class ApiContractIT extends OpenApiContractTests {
    @Test
    void theHeadersClientsRelyOnAreDocumented() {
        JsonNode paths = doc().path("paths");
        for (String path : new String[] {"/api/v1/rfis/{id}", "/api/v1/responses/{id}"}) {
            assertThat(paths.path(path).path("get").path("responses").path("200").path("headers").has("ETag"))
                    .as(path).isTrue();
            assertThat(paths.path(path).path("put").path("responses").path("200").path("headers").has("ETag"))
                    .as(path).isTrue();
        }
        for (String path : new String[] {"/api/v1/rfis", "/api/v1/rfis/{rfiId}/responses"}) {
            JsonNode created = paths.path(path).path("post").path("responses").path("201");
            assertThat(created.path("headers").has("Location")).as(path).isTrue();
            assertThat(created.path("headers").has("ETag")).as(path).isTrue();
        }
        assertThat(paths.path("/api/v1/responses/{id}/attachments").path("post").path("requestBody").path("content")
                .has("application/octet-stream")).isTrue();
    }
}
