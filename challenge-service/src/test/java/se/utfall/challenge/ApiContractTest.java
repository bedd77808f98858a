package se.utfall.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is complete enough for a frontend team to generate a typed client from it: every operation
 * named, every successful answer typed, the headers clients rely on documented, one security scheme, and no
 * schema defined for nothing.
 */
@QuarkusTest
class ApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static JsonNode doc;

    @BeforeEach
    void read() throws Exception {
        if (doc != null) {
            return;
        }
        doc = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void everyOperationHasAUniqueIdAndEverySuccessItsSchema() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey()) || path.getKey().startsWith("/api/v1/test-probes/")) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            String id = op.getValue().path("operationId").asText("");
            if (id.isBlank()) {
                problems.add(where + ": no operationId");
            } else if (!ids.add(id)) {
                problems.add(where + ": operationId " + id + " used twice");
            }
            op.getValue().path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2") && !r.getKey().equals("204")) {
                    JsonNode schema = r.getValue().path("content").path("application/json").path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        problems.add(where + " " + r.getKey() + ": no schema");
                    }
                }
            });
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDefinedSchemaIsUsed() {
        Set<String> referenced = new TreeSet<>();
        Matcher refs = Pattern.compile("\"#/components/schemas/([^\"]+)\"").matcher(doc.toString());
        while (refs.find()) {
            referenced.add(refs.group(1));
        }
        Set<String> defined = new TreeSet<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(defined::add);
        defined.removeAll(referenced);
        assertThat(defined).as("schemas no operation or schema refers to").isEmpty();
    }

    @Test
    void theHeadersClientsRelyOnAreDocumented() {
        JsonNode challenge = doc.path("paths").path("/api/v1/challenges/{id}");
        assertThat(challenge.path("get").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(challenge.path("put").path("responses").path("200").path("headers").has("ETag")).isTrue();
        JsonNode created = doc.path("paths").path("/api/v1/challenges").path("post").path("responses").path("201");
        assertThat(created.path("headers").has("Location")).isTrue();
        assertThat(created.path("headers").has("ETag")).isTrue();
    }

    @Test
    void oneBearerSchemeAndAServer() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.size()).as(schemes.toString()).isEqualTo(1);
        JsonNode scheme = schemes.elements().next();
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("servers")).isNotEmpty();
        assertThat(doc.toString()).as("no Jackson internals in schemas").doesNotContain("\"JsonNode\"");
    }
}
