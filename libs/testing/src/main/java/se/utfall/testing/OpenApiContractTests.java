package se.utfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link OpenApiContract} as tests: a service's {@code @QuarkusTest ApiContractIT} extends this and
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

    /**
     * Years no service can hold (PostgreSQL's timestamptz ends in 294276; java.time's extremes beyond): every date
     * field of every body is refused with a 400 naming that field, never a 500 from the database.
     */
    private static final List<String> DATE_TIMES = List.of("+294277-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00-18:00", "1799-12-31T23:59:59Z",
            "10000-01-01T00:00:00+01:00");
    private static final List<String> DATES = List.of("+294277-01-01", "+999999999-12-31", "-999999999-01-01",
            "1799-12-31", "+10000-01-01");

    @Test
    void everyDateFieldOfEveryBodyRefusesYearsNoServiceCanHold() {
        List<OpenApiContract.DateField> fields = OpenApiContract.dateFields(doc());
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.DateField f : fields) {
            String path = f.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String value : f.format().equals("date") ? DATES : DATE_TIMES) {
                Response answer = null;
                // The first role the operation admits: its body is read only after the role check.
                for (String token : List.of(Api.admin(), Api.buyer(UUID.randomUUID()),
                        Api.innovator(UUID.randomUUID()), Api.coordinator(UUID.randomUUID()),
                        Api.investor(UUID.randomUUID()))) {
                    answer = Api.as(token).header("If-Match", "\"0\"").body(f.body(value).toString())
                            .request(f.method(), path);
                    if (answer.statusCode() != 403) {
                        break;
                    }
                }
                String named = answer.statusCode() == 400 ? answer.jsonPath().getString("errors[0].field") : null;
                if (answer.statusCode() != 400 || !f.field().equals(named)
                        || !answer.contentType().startsWith("application/problem+json")) {
                    problems.add(f.method().toUpperCase() + " " + f.path() + " " + f.field() + "=" + value + ": "
                            + answer.statusCode() + " " + named);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
