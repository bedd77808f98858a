package se.utfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link OpenApiContract} as tests: a service's {@code @QuarkusTest ApiContractTest} extends this and
 * adds what its own clients rely on (headers of its resources), reading the document through {@link #doc()}.
 */
public abstract class OpenApiContractTests {
    private static JsonNode doc;

    /** The running service's OpenAPI document, read once per test JVM. */
    protected static JsonNode doc() {
        if (doc == null) {
            doc = OpenApiContract.read();
        }
        return doc;
    }

    @Test
    void everyOperationHasAUniqueIdAndEverySuccessItsSchema() {
        assertThat(OpenApiContract.operationProblems(doc())).isEmpty();
    }

    @Test
    void everyDefinedSchemaIsUsed() {
        assertThat(OpenApiContract.unusedSchemas(doc())).as("schemas no operation or schema refers to").isEmpty();
    }

    @Test
    void oneBearerSchemeAndAServer() {
        assertThat(OpenApiContract.securityAndServerProblems(doc())).isEmpty();
    }
}
