package se.utfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Set;
import java.util.Map;

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

    // ---------------------------------------------------------------------------------------------------------------
    // Redocly CLI's "recommended" ruleset, OpenAPI 3.1 (packages/core/src/config/recommended.ts), without Redocly and
    // without a network. Every finding names its rule: "[operation-summary] GET /api/v1/x: no summary".

    /** The rules recommended reports as errors (redocly lint fails on them). */
    @Test
    void meetsTheErrorRulesOfRedoclysRecommendedRuleset() {
        assertThat(OpenApiLint.check(doc(), OpenApiLint.ERRORS)).as("Redocly recommended, severity error").isEmpty();
    }

    /** The rules recommended reports as warnings: kept at zero too, so a new warning is seen when it appears. */
    @Test
    void meetsTheWarningRulesOfRedoclysRecommendedRuleset() {
        assertThat(OpenApiLint.check(doc(), OpenApiLint.WARNINGS)).as("Redocly recommended, severity warn").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What utfall-web's OpenApiConventions filter promises, one test each so a failure says which promise broke.

    /**
     * A typed client can rely on every key of an answer being there: Jackson writes every record component (null
     * included), so every property of a schema a successful answer carries is required. Schemas requests use as
     * well are left out: there a key may be missing.
     */
    @Test
    void everyPropertyOfWhatASuccessCarriesIsRequired() {
        assertThat(OpenApiLint.answersRequireEveryProperty(OpenApiLint.withoutTestProbes(doc()),
                keysJacksonMayLeaveOut())).isEmpty();
    }

    /**
     * "Schema" or "Schema.property" of answers whose class or component says {@code @JsonInclude(NON_NULL)} or the
     * like: the filter does not require them, nor does this test. None today; a service overrides this if it adds one.
     */
    protected Set<String> keysJacksonMayLeaveOut() {
        return Set.of();
    }

    /** Every 4xx and 5xx answer, and the 4XX and 5XX ranges, is an RFC 9457 application/problem+json document. */
    @Test
    void everyErrorIsAProblemDocument() {
        assertThat(only("errors-are-problem-documents")).isEmpty();
    }

    /** Every operation declares its security: the bearer scheme, or [] for an operation open to anyone. */
    @Test
    void everyOperationDeclaresItsSecurity() {
        assertThat(only("every-operation-declares-security")).isEmpty();
    }

    /** Every operation documents its success, with a schema wherever it answers with a body. */
    @Test
    void everySuccessWithABodyDocumentsIt() {
        assertThat(only("a-body-is-documented")).isEmpty();
    }

    /** 304 and ETag for conditional reads, 412 and 428 for conditional writes; ETag and Location are strings. */
    @Test
    void conditionalRequestsAreDocumented() {
        assertThat(only("conditional-requests-documented")).isEmpty();
    }

    /** The filter's markers and SmallRye's and Quarkus' private extensions never reach the published document. */
    @Test
    void nothingInternalIsPublished() {
        assertThat(only("no-internal-extensions")).isEmpty();
    }

    /** The API names its licence (Redocly warns without one; the filter sets the project's). */
    @Test
    void theLicenceIsNamed() {
        JsonNode license = doc().path("info").path("license");
        assertThat(license.path("name").asText("")).isNotBlank();
        assertThat(List.of(license.path("identifier").asText(""), license.path("url").asText("")))
                .as("an SPDX identifier or a url, not both").filteredOn(s -> !s.isEmpty()).hasSize(1);
    }

    private static List<String> only(String convention) {
        return OpenApiLint.check(doc(), Map.of(convention, OpenApiLint.CONVENTIONS.get(convention)));
    }
}
