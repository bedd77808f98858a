package se.utfall.finance;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.testing.OpenApiContractTests;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document a frontend generates its client from, with the headers finance's clients rely on. */
@QuarkusTest
class ApiContractIT extends OpenApiContractTests {
    @Test
    void theHeadersClientsRelyOnAreDocumented() {
        JsonNode paths = doc().path("paths");
        JsonNode opened = paths.path("/api/v1/cases").path("post").path("responses").path("201");
        assertThat(opened.path("headers").has("Location")).isTrue();
        assertThat(opened.path("headers").has("ETag")).isTrue();
        assertThat(paths.path("/api/v1/cases/{id}").path("get").path("responses").has("304")).isTrue();
        assertThat(paths.path("/api/v1/commitments/{id}/withdraw").path("post").path("responses").has("412"))
                .isTrue();
    }
}
