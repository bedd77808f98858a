package se.utfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every service's OpenAPI document must be for a frontend team to generate a typed client from it: every
 * operation named once, every successful answer typed, one bearer scheme and a server, no schema defined for
 * nothing. Each service's {@code ApiContractIT} asserts these and the headers of its own resources.
 */
public final class OpenApiContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiContract() {
    }

    /** The running service's document, as JSON. */
    public static JsonNode read() {
        try {
            return new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Operations without a unique id, and successful answers (but 204) without a schema in any media type. */
    public static List<String> operationProblems(JsonNode doc) {
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
                    List<JsonNode> schemas = new ArrayList<>();
                    r.getValue().path("content").forEach(media -> schemas.add(media.path("schema")));
                    if (schemas.isEmpty() || schemas.stream().anyMatch(s -> s.isMissingNode() || s.isEmpty())) {
                        problems.add(where + " " + r.getKey() + ": no schema");
                    }
                }
            });
        }));
        return problems;
    }

    /** Schemas that no operation or other schema refers to. */
    public static Set<String> unusedSchemas(JsonNode doc) {
        Set<String> referenced = new TreeSet<>();
        Matcher refs = Pattern.compile("\"#/components/schemas/([^\"]+)\"").matcher(doc.toString());
        while (refs.find()) {
            referenced.add(refs.group(1));
        }
        Set<String> defined = new TreeSet<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(defined::add);
        defined.removeAll(referenced);
        // utfall-web maps Jackson's JsonNode to this schema for every service; one without JSON trees has no use.
        defined.remove("JsonObject");
        return defined;
    }

    /** Anything but exactly one HTTP bearer scheme and at least one server; Jackson internals in schemas. */
    public static List<String> securityAndServerProblems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        if (schemes.size() != 1) {
            problems.add("security schemes: " + schemes);
        } else {
            JsonNode scheme = schemes.elements().next();
            if (!"http".equals(scheme.path("type").asText()) || !"bearer".equals(scheme.path("scheme").asText())) {
                problems.add("the security scheme is not HTTP bearer: " + scheme);
            }
        }
        if (doc.path("servers").isEmpty()) {
            problems.add("no servers");
        }
        if (doc.toString().contains("\"JsonNode\"")) {
            problems.add("Jackson internals (JsonNode) in the schemas");
        }
        return problems;
    }

    /** A date or date-time field of an operation's JSON body: where it is, and a body holding only it. */
    public record DateField(String method, String path, String field, String format) {
        /** A body in which this field, and nothing else, has {@code value}. */
        public JsonNode body(String value) {
            ObjectMapper json = new ObjectMapper();
            JsonNode leaf = json.getNodeFactory().textNode(value);
            String[] steps = field.split("\\.");
            for (int i = steps.length - 1; i >= 0; i--) {
                String step = steps[i];
                boolean array = step.endsWith("[0]");
                String name = array ? step.substring(0, step.length() - 3) : step;
                JsonNode inner = array ? json.createArrayNode().add(leaf) : leaf;
                leaf = name.isEmpty() ? inner : json.createObjectNode().set(name, inner);
            }
            return leaf;
        }
    }

    /**
     * Every property of format {@code date} or {@code date-time} reachable in the JSON request bodies of POST and
     * PUT operations (through {@code $ref}s, objects and arrays), by its path in the body ({@code goals[0].due}).
     */
    public static List<DateField> dateFields(JsonNode doc) {
        List<DateField> fields = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!Set.of("post", "put").contains(op.getKey()) || path.getKey().startsWith("/api/v1/test-probes/")) {
                return;
            }
            JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json")
                    .path("schema");
            List<String[]> found = new ArrayList<>();
            collectDates(doc, schema, "", found, new HashSet<>());
            found.forEach(f -> fields.add(new DateField(op.getKey(), path.getKey(), f[0], f[1])));
        }));
        return fields;
    }

    private static void collectDates(JsonNode doc, JsonNode schema, String at, List<String[]> found,
            Set<String> seen) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            if (seen.add(ref)) {
                collectDates(doc, doc.at(ref.substring(1)), at, found, seen);
                seen.remove(ref);
            }
            return;
        }
        for (String combined : new String[] {"allOf", "anyOf", "oneOf"}) {
            schema.path(combined).forEach(s -> collectDates(doc, s, at, found, seen));
        }
        String format = schema.path("format").asText("");
        if (!at.isEmpty() && (format.equals("date") || format.equals("date-time"))) {
            found.add(new String[] {at, format});
        }
        if (schema.has("items")) {
            collectDates(doc, schema.path("items"), at + "[0]", found, seen);
        }
        schema.path("properties").fields().forEachRemaining(p ->
                collectDates(doc, p.getValue(), at.isEmpty() ? p.getKey() : at + "." + p.getKey(), found, seen));
    }
}
