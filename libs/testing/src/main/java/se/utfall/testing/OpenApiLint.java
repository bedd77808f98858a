package se.utfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of Redocly CLI's {@code recommended} ruleset for OpenAPI 3.1, checked on a service's document without
 * Redocly and without a network (the rule ids and severities are Redocly's, {@code packages/core/src/config/
 * recommended.ts}; each check mirrors its rule's source where it is simple, and is a documented subset where it is
 * not: {@code struct} checks the structure a generated document can get wrong, not the whole specification), and the
 * conventions utfall-web's {@code OpenApiConventions} filter keeps. Each finding names its rule.
 */
public final class OpenApiLint {
    /** Paths of test-only resources, which the contract does not cover. */
    static final String TEST_ONLY = "/api/v1/test-probes/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Set<String> PARAMETER_IN = Set.of("query", "header", "path", "cookie");
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object",
            "null");
    private static final Set<String> SCHEME_TYPES = Set.of("apiKey", "http", "mutualTLS", "oauth2",
            "openIdConnect");
    private static final Pattern URL_SAFE = Pattern.compile("^[A-Za-z0-9-._~:/?#\\[\\]@!$&'()*+,;=]*$");
    private static final Pattern COMPONENT_KEY = Pattern.compile("^[a-zA-Z0-9.\\-_]+$");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([a-zA-Z0-9_.-]+)}+");
    private static final Pattern SERVER_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String SCHEMAS = "#/components/schemas/";
    private static final JsonSchemaFactory VALIDATORS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));

    /** Redocly {@code recommended}, severity error, OpenAPI 3.1. */
    public static final Map<String, Function<JsonNode, List<String>>> ERRORS = new LinkedHashMap<>();
    /** Redocly {@code recommended}, severity warn, OpenAPI 3.1. */
    public static final Map<String, Function<JsonNode, List<String>>> WARNINGS = new LinkedHashMap<>();
    /** What OpenApiConventions promises. */
    public static final Map<String, Function<JsonNode, List<String>>> CONVENTIONS = new LinkedHashMap<>();

    static {
        ERRORS.put("struct", OpenApiLint::struct);
        ERRORS.put("no-unresolved-refs", OpenApiLint::noUnresolvedRefs);
        ERRORS.put("no-empty-servers", OpenApiLint::noEmptyServers);
        ERRORS.put("no-enum-type-mismatch", OpenApiLint::noEnumTypeMismatch);
        ERRORS.put("no-example-value-and-externalValue", OpenApiLint::noExampleValueAndExternalValue);
        ERRORS.put("no-identical-paths", OpenApiLint::noIdenticalPaths);
        ERRORS.put("no-path-trailing-slash", OpenApiLint::noPathTrailingSlash);
        ERRORS.put("no-schema-type-mismatch", OpenApiLint::noSchemaTypeMismatch);
        ERRORS.put("no-server-trailing-slash", OpenApiLint::noServerTrailingSlash);
        ERRORS.put("no-server-variables-empty-enum", OpenApiLint::noServerVariablesEmptyEnum);
        ERRORS.put("no-undefined-server-variable", OpenApiLint::noUndefinedServerVariable);
        ERRORS.put("operation-operationId-unique", OpenApiLint::operationIdUnique);
        ERRORS.put("operation-operationId-url-safe", OpenApiLint::operationIdUrlSafe);
        ERRORS.put("operation-parameters-unique", OpenApiLint::operationParametersUnique);
        ERRORS.put("operation-summary", OpenApiLint::operationSummary);
        ERRORS.put("path-declaration-must-exist", OpenApiLint::pathDeclarationMustExist);
        ERRORS.put("path-not-include-query", OpenApiLint::pathNotIncludeQuery);
        ERRORS.put("path-parameters-defined", OpenApiLint::pathParametersDefined);
        ERRORS.put("security-defined", OpenApiLint::securityDefined);
        ERRORS.put("spec-components-invalid-map-name", OpenApiLint::componentsMapNames);

        WARNINGS.put("info-license", OpenApiLint::infoLicense);
        WARNINGS.put("info-license-strict", OpenApiLint::infoLicenseStrict);
        WARNINGS.put("no-ambiguous-paths", OpenApiLint::noAmbiguousPaths);
        WARNINGS.put("no-duplicated-tag-names", OpenApiLint::noDuplicatedTagNames);
        WARNINGS.put("no-invalid-media-type-examples", OpenApiLint::invalidMediaTypeExamples);
        WARNINGS.put("no-invalid-parameter-examples", OpenApiLint::invalidParameterExamples);
        WARNINGS.put("no-invalid-schema-examples", OpenApiLint::invalidSchemaExamples);
        WARNINGS.put("no-mixed-number-range-constraints", OpenApiLint::noMixedNumberRangeConstraints);
        WARNINGS.put("no-required-schema-properties-undefined", OpenApiLint::requiredPropertiesDefined);
        WARNINGS.put("no-server-example.com", OpenApiLint::noServerExampleCom);
        WARNINGS.put("no-unused-components", OpenApiLint::noUnusedComponents);
        WARNINGS.put("operation-2xx-response", d -> responseCodes(d, '2'));
        WARNINGS.put("operation-4xx-response", d -> responseCodes(d, '4'));
        WARNINGS.put("operation-operationId", OpenApiLint::operationId);
        WARNINGS.put("tag-description", OpenApiLint::tagDescription);

        CONVENTIONS.put("answers-list-every-property-as-required", d -> answersRequireEveryProperty(d, Set.of()));
        CONVENTIONS.put("errors-are-problem-documents", OpenApiLint::errorsAreProblems);
        CONVENTIONS.put("every-operation-declares-security", OpenApiLint::securityDeclared);
        CONVENTIONS.put("a-body-is-documented", OpenApiLint::successesDocumented);
        CONVENTIONS.put("conditional-requests-documented", OpenApiLint::conditionalRequests);
        CONVENTIONS.put("no-internal-extensions", OpenApiLint::noInternalExtensions);
    }

    private OpenApiLint() {
    }

    /** Every finding of {@code rules} on {@code doc} (test-only paths left out), as "[rule] where: what". */
    public static List<String> check(JsonNode doc, Map<String, Function<JsonNode, List<String>>> rules) {
        JsonNode d = withoutTestProbes(doc);
        List<String> findings = new ArrayList<>();
        rules.forEach((rule, check) -> check.apply(d).forEach(f -> findings.add("[" + rule + "] " + f)));
        return findings;
    }

    // --- errors ------------------------------------------------------------------------------------------------------

    /** A subset of the specification's structure: what a generated document can get wrong. */
    static List<String> struct(JsonNode doc) {
        List<String> p = new ArrayList<>();
        if (!doc.path("openapi").asText("").startsWith("3.1.")) {
            p.add("openapi: " + doc.path("openapi") + ", not 3.1.x");
        }
        JsonNode info = doc.path("info");
        for (String field : List.of("title", "version")) {
            if (!info.path(field).isTextual()) {
                p.add("info." + field + " missing");
            }
        }
        JsonNode license = info.path("license");
        if (!license.isMissingNode()) {
            if (!license.path("name").isTextual()) {
                p.add("info.license.name missing");
            }
            if (license.has("url") && license.has("identifier")) {
                p.add("info.license: url and identifier exclude each other");
            }
        }
        if (!doc.path("paths").isObject()) {
            p.add("paths missing");
        }
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("/")) {
                p.add("path " + path + " does not start with /");
            }
        });
        forEachOperation(doc, (where, op) -> {
            JsonNode responses = op.path("responses");
            if (!responses.isObject() || responses.isEmpty()) {
                p.add(where + ": no responses");
            }
            responses.properties().forEach(r -> {
                JsonNode response = r.getValue();
                if (response.has("$ref")) {
                    return;
                }
                if (!r.getKey().matches("default|[1-5](\\d\\d|XX)")) {
                    p.add(where + " " + r.getKey() + ": not a status code");
                }
                if (!response.path("description").isTextual()) {
                    p.add(where + " " + r.getKey() + ": no description");
                }
                response.path("headers").properties().forEach(h -> {
                    JsonNode header = h.getValue();
                    if (!header.has("$ref") && (header.has("schema") == header.has("content")
                            || header.has("name") || header.has("in"))) {
                        p.add(where + " " + r.getKey() + " header " + h.getKey()
                                + ": needs schema or content, and no name or in");
                    }
                });
                mediaTypes(response.path("content"), where + " " + r.getKey(), p);
            });
            for (JsonNode parameter : op.path("parameters")) {
                parameter(parameter, where, p);
            }
            JsonNode body = op.path("requestBody");
            if (!body.isMissingNode() && !body.has("$ref")) {
                if (!body.path("content").isObject() || body.path("content").isEmpty()) {
                    p.add(where + ": requestBody without content");
                }
                mediaTypes(body.path("content"), where + " requestBody", p);
            }
            for (JsonNode requirement : op.path("security")) {
                requirement.properties().forEach(s -> {
                    if (!s.getValue().isArray()) {
                        p.add(where + ": security " + s.getKey() + " is not a list of scopes");
                    }
                });
            }
        });
        doc.path("paths").properties().forEach(path -> {
            for (JsonNode parameter : path.getValue().path("parameters")) {
                parameter(parameter, path.getKey(), p);
            }
        });
        doc.path("components").path("securitySchemes").properties().forEach(s -> {
            String type = s.getValue().path("type").asText("");
            if (!SCHEME_TYPES.contains(type) || type.equals("http") && !s.getValue().path("scheme").isTextual()) {
                p.add("securityScheme " + s.getKey() + ": type " + type);
            }
        });
        for (JsonNode server : doc.path("servers")) {
            if (!server.path("url").isTextual()) {
                p.add("server without url");
            }
        }
        for (JsonNode tag : doc.path("tags")) {
            if (!tag.path("name").isTextual()) {
                p.add("tag without name");
            }
        }
        forEachSchema(doc, (where, schema) -> {
            JsonNode type = schema.path("type");
            List<JsonNode> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(types::add);
            } else if (!type.isMissingNode()) {
                types.add(type);
            }
            for (JsonNode t : types) {
                if (!TYPES.contains(t.asText())) {
                    p.add(where + ": type " + t);
                }
            }
            if (schema.has("required") && !schema.path("required").isArray()) {
                p.add(where + ": required is not a list");
            }
        });
        return p;
    }

    private static void parameter(JsonNode parameter, String where, List<String> p) {
        if (parameter.has("$ref")) {
            return;
        }
        String name = parameter.path("name").asText("");
        if (name.isEmpty() || !PARAMETER_IN.contains(parameter.path("in").asText(""))) {
            p.add(where + ": parameter " + parameter + " needs name and in");
        }
        if (parameter.has("schema") == parameter.has("content")) {
            p.add(where + ": parameter " + name + " needs schema or content, not both");
        }
        if (parameter.path("in").asText("").equals("path") && !parameter.path("required").asBoolean(false)) {
            p.add(where + ": path parameter " + name + " is not required: true");
        }
    }

    private static void mediaTypes(JsonNode content, String where, List<String> p) {
        content.fieldNames().forEachRemaining(type -> {
            if (!type.contains("/")) {
                p.add(where + ": media type " + type);
            }
        });
    }

    static List<String> noUnresolvedRefs(JsonNode doc) {
        List<String> p = new ArrayList<>();
        for (String ref : refs(doc)) {
            if (!ref.startsWith("#/")) {
                p.add(ref + ": not a local reference (the test runs without a network)");
            } else if (doc.at(ref.substring(1)).isMissingNode()) {
                p.add(ref + " does not resolve");
            }
        }
        return p;
    }

    static List<String> noEmptyServers(JsonNode doc) {
        return doc.path("servers").isArray() && !doc.path("servers").isEmpty() ? List.of()
                : List.of("servers must be present and not empty");
    }

    static List<String> noEnumTypeMismatch(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachSchema(doc, (where, schema) -> {
            JsonNode type = schema.path("type");
            if (!schema.path("enum").isArray() || type.isMissingNode()) {
                return;
            }
            List<String> types = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
            for (JsonNode value : schema.path("enum")) {
                if (types.stream().noneMatch(t -> matchesType(value, t))) {
                    p.add(where + ": enum value " + value + " is not " + types);
                }
            }
        });
        return p;
    }

    static List<String> noExampleValueAndExternalValue(JsonNode doc) {
        List<String> p = new ArrayList<>();
        walk(doc, "#", (where, node) -> {
            if (node.has("value") && node.has("externalValue") && where.contains("/examples/")) {
                p.add(where + ": value and externalValue");
            }
        });
        return p;
    }

    static List<String> noIdenticalPaths(JsonNode doc) {
        List<String> p = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            String id = path.replaceAll("\\{.+?}", "{VARIABLE}");
            String before = seen.putIfAbsent(id, path);
            if (before != null) {
                p.add(before + " and " + path + " differ only in parameter names");
            }
        });
        return p;
    }

    static List<String> noPathTrailingSlash(JsonNode doc) {
        List<String> p = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.length() > 1 && path.endsWith("/")) {
                p.add(path);
            }
        });
        return p;
    }

    static List<String> noSchemaTypeMismatch(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachSchema(doc, (where, schema) -> {
            String type = schema.path("type").asText("");
            if (type.equals("object") && schema.has("items")) {
                p.add(where + ": object with items");
            }
            if (type.equals("array") && schema.has("properties")) {
                p.add(where + ": array with properties");
            }
        });
        return p;
    }

    static List<String> noServerTrailingSlash(JsonNode doc) {
        List<String> p = new ArrayList<>();
        for (JsonNode server : doc.path("servers")) {
            String url = server.path("url").asText("");
            if (url.endsWith("/") && !url.equals("/")) {
                p.add(url);
            }
        }
        return p;
    }

    static List<String> noServerVariablesEmptyEnum(JsonNode doc) {
        List<String> p = new ArrayList<>();
        for (JsonNode server : doc.path("servers")) {
            server.path("variables").properties().forEach(v -> {
                if (v.getValue().has("enum") && v.getValue().path("enum").isEmpty()) {
                    p.add(server.path("url").asText() + ": variable " + v.getKey() + " has an empty enum");
                }
            });
        }
        return p;
    }

    static List<String> noUndefinedServerVariable(JsonNode doc) {
        List<String> p = new ArrayList<>();
        for (JsonNode server : doc.path("servers")) {
            Matcher m = SERVER_VARIABLE.matcher(server.path("url").asText(""));
            while (m.find()) {
                if (!server.path("variables").has(m.group(1))) {
                    p.add(server.path("url").asText() + ": {" + m.group(1) + "} is not defined");
                }
            }
        }
        return p;
    }

    static List<String> operationIdUnique(JsonNode doc) {
        List<String> p = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        forEachOperation(doc, (where, op) -> {
            String id = op.path("operationId").asText("");
            if (!id.isEmpty() && seen.putIfAbsent(id, where) != null) {
                p.add(where + ": operationId " + id + " is also " + seen.get(id));
            }
        });
        return p;
    }

    static List<String> operationIdUrlSafe(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            if (!URL_SAFE.matcher(op.path("operationId").asText("")).matches()) {
                p.add(where + ": " + op.path("operationId").asText());
            }
        });
        return p;
    }

    static List<String> operationParametersUnique(JsonNode doc) {
        List<String> p = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> {
            duplicates(path.getValue().path("parameters"), path.getKey(), p);
            for (String method : METHODS) {
                duplicates(path.getValue().path(method).path("parameters"),
                        method.toUpperCase() + " " + path.getKey(), p);
            }
        });
        return p;
    }

    private static void duplicates(JsonNode parameters, String where, List<String> p) {
        Set<String> seen = new HashSet<>();
        for (JsonNode parameter : parameters) {
            String id = parameter.path("in").asText() + " " + parameter.path("name").asText();
            if (!seen.add(id)) {
                p.add(where + ": " + id + " twice");
            }
        }
    }

    static List<String> operationSummary(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            if (op.path("summary").asText("").isEmpty()) {
                p.add(where + ": no summary");
            }
        });
        return p;
    }

    static List<String> pathDeclarationMustExist(JsonNode doc) {
        List<String> p = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.contains("{}")) {
                p.add(path + ": empty parameter declaration {}");
            }
        });
        return p;
    }

    static List<String> pathNotIncludeQuery(JsonNode doc) {
        List<String> p = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.contains("?")) {
                p.add(path);
            }
        });
        return p;
    }

    static List<String> pathParametersDefined(JsonNode doc) {
        List<String> p = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> {
            Set<String> template = new HashSet<>();
            Matcher m = TEMPLATE.matcher(path.getKey());
            while (m.find()) {
                template.add(m.group(1));
            }
            Set<String> onPath = pathParameters(path.getValue().path("parameters"), template, path.getKey(), p);
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                Set<String> defined = new HashSet<>(onPath);
                defined.addAll(pathParameters(op.path("parameters"), template, where, p));
                for (String name : template) {
                    if (!defined.contains(name)) {
                        p.add(where + ": {" + name + "} is not defined");
                    }
                }
            }
        });
        return p;
    }

    private static Set<String> pathParameters(JsonNode parameters, Set<String> template, String where,
            List<String> p) {
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals("path")) {
                String name = parameter.path("name").asText();
                names.add(name);
                if (!template.contains(name)) {
                    p.add(where + ": path parameter " + name + " is not in the path");
                }
            }
        }
        return names;
    }

    static List<String> securityDefined(JsonNode doc) {
        List<String> p = new ArrayList<>();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        boolean root = doc.has("security");
        forEachOperation(doc, (where, op) -> {
            if (!root && !op.has("security")) {
                p.add(where + ": no security (and none at the root)");
            }
            for (JsonNode requirement : op.path("security")) {
                requirement.fieldNames().forEachRemaining(name -> {
                    if (!schemes.has(name)) {
                        p.add(where + ": security scheme " + name + " is not defined");
                    }
                });
            }
        });
        for (JsonNode requirement : doc.path("security")) {
            requirement.fieldNames().forEachRemaining(name -> {
                if (!schemes.has(name)) {
                    p.add("root security scheme " + name + " is not defined");
                }
            });
        }
        return p;
    }

    static List<String> componentsMapNames(JsonNode doc) {
        List<String> p = new ArrayList<>();
        doc.path("components").properties().forEach(kind -> {
            if (kind.getValue().isObject() && !kind.getKey().startsWith("x-")) {
                kind.getValue().fieldNames().forEachRemaining(name -> {
                    if (!COMPONENT_KEY.matcher(name).matches()) {
                        p.add("components." + kind.getKey() + "." + name);
                    }
                });
            }
        });
        return p;
    }

    // --- warnings ----------------------------------------------------------------------------------------------------

    static List<String> infoLicense(JsonNode doc) {
        return doc.path("info").path("license").isObject() ? List.of() : List.of("info.license missing");
    }

    static List<String> infoLicenseStrict(JsonNode doc) {
        JsonNode license = doc.path("info").path("license");
        if (license.isMissingNode()) {
            return List.of();
        }
        return license.path("url").asText("").isEmpty() && license.path("identifier").asText("").isEmpty()
                ? List.of("info.license needs url or identifier") : List.of();
    }

    static List<String> noAmbiguousPaths(JsonNode doc) {
        List<String> p = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            for (String before : seen) {
                if (ambiguous(before, path)) {
                    p.add(before + " and " + path);
                    break;
                }
            }
            seen.add(path);
        });
        return p;
    }

    private static boolean ambiguous(String a, String b) {
        String[] pa = a.split("/");
        String[] pb = b.split("/");
        if (pa.length != pb.length) {
            return false;
        }
        int aVars = 0;
        int bVars = 0;
        boolean ambiguous = true;
        for (int i = 0; i < pa.length; i++) {
            boolean av = pa[i].matches("^\\{.+?}$");
            boolean bv = pb[i].matches("^\\{.+?}$");
            if (av || bv) {
                aVars += av ? 1 : 0;
                bVars += bv ? 1 : 0;
            } else if (!pa[i].equals(pb[i])) {
                ambiguous = false;
            }
        }
        return ambiguous && aVars == bVars;
    }

    static List<String> noDuplicatedTagNames(JsonNode doc) {
        List<String> p = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode tag : doc.path("tags")) {
            if (!seen.add(tag.path("name").asText())) {
                p.add("tag " + tag.path("name").asText() + " twice");
            }
        }
        return p;
    }

    static List<String> invalidMediaTypeExamples(JsonNode doc) {
        List<String> p = new ArrayList<>();
        walk(doc, "#", (where, node) -> {
            if (where.matches(".*/content/[^/]+") && node.has("schema")) {
                examples(doc, node, where, p);
            }
        });
        return p;
    }

    static List<String> invalidParameterExamples(JsonNode doc) {
        List<String> p = new ArrayList<>();
        walk(doc, "#", (where, node) -> {
            if (where.matches(".*/parameters/[^/]+") && node.has("in") && node.has("schema")) {
                examples(doc, node, where, p);
            }
        });
        return p;
    }

    /** {@code example}, and the values of {@code examples}, of a media type or parameter, against its schema. */
    private static void examples(JsonNode doc, JsonNode holder, String where, List<String> p) {
        if (holder.has("example")) {
            invalid(doc, holder.path("schema"), holder.path("example")).forEach(m -> p.add(where + ": " + m));
        }
        holder.path("examples").properties().forEach(e -> {
            if (e.getValue().has("value")) {
                invalid(doc, holder.path("schema"), e.getValue().path("value"))
                        .forEach(m -> p.add(where + " example " + e.getKey() + ": " + m));
            }
        });
    }

    static List<String> invalidSchemaExamples(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachSchema(doc, (where, schema) -> {
            List<JsonNode> values = new ArrayList<>();
            if (schema.has("example")) {
                values.add(schema.path("example"));
            }
            schema.path("examples").forEach(values::add);
            for (JsonNode value : values) {
                invalid(doc, schema, value).forEach(m -> p.add(where + ": example " + value + ": " + m));
            }
        });
        return p;
    }

    /** The messages of validating {@code value} against {@code schema}, its references resolved in {@code doc}. */
    private static Set<String> invalid(JsonNode doc, JsonNode schema, JsonNode value) {
        if (!schema.isObject()) {
            return Set.of();
        }
        ObjectNode root = schema.deepCopy();
        root.remove("example");
        root.remove("examples");
        root.set("components", doc.path("components"));
        JsonSchema validator = VALIDATORS.getSchema(root);
        Set<String> messages = new TreeSet<>();
        for (ValidationMessage m : validator.validate(value)) {
            messages.add(m.getMessage());
        }
        return messages;
    }

    static List<String> noMixedNumberRangeConstraints(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachSchema(doc, (where, schema) -> {
            if (schema.path("maximum").isNumber() && schema.path("exclusiveMaximum").isNumber()) {
                p.add(where + ": maximum and exclusiveMaximum");
            }
            if (schema.path("minimum").isNumber() && schema.path("exclusiveMinimum").isNumber()) {
                p.add(where + ": minimum and exclusiveMinimum");
            }
        });
        return p;
    }

    static List<String> requiredPropertiesDefined(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachSchema(doc, (where, schema) -> {
            for (JsonNode name : schema.path("required")) {
                if (!hasProperty(doc, schema, name.asText(), new HashSet<>())) {
                    p.add(where + ": required " + name.asText() + " is not a property");
                }
            }
        });
        return p;
    }

    /** As Redocly's schemaHasProperty: own properties, any allOf branch, or every anyOf/oneOf branch. */
    private static boolean hasProperty(JsonNode doc, JsonNode schema, String name, Set<String> seen) {
        JsonNode s = resolve(doc, schema, seen);
        if (s == null) {
            return false;
        }
        if (s.path("properties").has(name)) {
            return true;
        }
        for (JsonNode branch : s.path("allOf")) {
            if (hasProperty(doc, branch, name, seen)) {
                return true;
            }
        }
        for (String combined : List.of("anyOf", "oneOf")) {
            JsonNode branches = s.path(combined);
            if (branches.isArray() && !branches.isEmpty()) {
                boolean all = true;
                for (JsonNode branch : branches) {
                    all &= hasProperty(doc, branch, name, new HashSet<>(seen));
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema, Set<String> seen) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.path("$ref").asText();
            if (!ref.startsWith("#/") || !seen.add(ref)) {
                return null;
            }
            s = doc.at(ref.substring(1));
        }
        return s.isMissingNode() ? null : s;
    }

    static List<String> noServerExampleCom(JsonNode doc) {
        List<String> p = new ArrayList<>();
        for (JsonNode server : doc.path("servers")) {
            if (server.path("url").asText("").contains("example.com")) {
                p.add(server.path("url").asText());
            }
        }
        return p;
    }

    /** Schemas, parameters, responses, examples, request bodies and headers no reference names. */
    static List<String> noUnusedComponents(JsonNode doc) {
        Set<String> referenced = refs(doc);
        List<String> p = new ArrayList<>();
        for (String kind : List.of("schemas", "parameters", "responses", "examples", "requestBodies", "headers")) {
            doc.path("components").path(kind).fieldNames().forEachRemaining(name -> {
                if (!referenced.contains("#/components/" + kind + "/" + name)) {
                    p.add("components." + kind + "." + name + " is never used");
                }
            });
        }
        return p;
    }

    /** At least one 2XX (or {@code default}) / one 4XX answer per operation. */
    static List<String> responseCodes(JsonNode doc, char range) {
        List<String> p = new ArrayList<>();
        Pattern code = Pattern.compile("^" + range + "[0-9Xx]{2}$");
        forEachOperation(doc, (where, op) -> {
            boolean found = false;
            for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
                String c = codes.next();
                found |= code.matcher(c).matches() || range == '2' && c.equals("default");
            }
            if (!found) {
                p.add(where + ": no " + range + "XX answer");
            }
        });
        return p;
    }

    static List<String> operationId(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            if (op.path("operationId").asText("").isEmpty()) {
                p.add(where + ": no operationId");
            }
        });
        return p;
    }

    static List<String> tagDescription(JsonNode doc) {
        List<String> p = new ArrayList<>();
        for (JsonNode tag : doc.path("tags")) {
            if (tag.path("description").asText("").isEmpty()) {
                p.add("tag " + tag.path("name").asText() + " has no description");
            }
        }
        return p;
    }

    // --- utfall conventions --------------------------------------------------------------------------------------

    /**
     * Every property of an object schema a successful answer carries is required (Jackson writes every record
     * component, null or not), except in schemas requests use too (there a key may be left out) and in
     * {@code optional}: "Schema" or "Schema.property" for classes and components with {@code @JsonInclude}.
     */
    static List<String> answersRequireEveryProperty(JsonNode doc, Set<String> optional) {
        List<JsonNode> requests = new ArrayList<>();
        List<JsonNode> answers = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            for (JsonNode parameter : op.path("parameters")) {
                requests.add(parameter.path("schema"));
                parameter.path("content").forEach(m -> requests.add(m.path("schema")));
            }
            op.path("requestBody").path("content").forEach(m -> requests.add(m.path("schema")));
            op.path("responses").properties().forEach(r -> {
                if (r.getKey().startsWith("2")) {
                    r.getValue().path("content").forEach(m -> answers.add(m.path("schema")));
                }
            });
        });
        Set<String> requested = new HashSet<>();
        requests.forEach(s -> reach(doc, s, requested, name -> true, node -> { }));
        List<String> p = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        answers.forEach(s -> reach(doc, s, answered, name -> !requested.contains(name), node -> {
            String schema = node.path("x-lint-where").asText("").replace("components.schemas.", "");
            if (optional.contains(schema)) {
                return;
            }
            Set<String> required = new HashSet<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            node.path("properties").fieldNames().forEachRemaining(name -> {
                if (!required.contains(name) && !optional.contains(schema + "." + name)) {
                    p.add((schema.isEmpty() ? "an inline schema" : "components.schemas." + schema) + ": " + name
                            + " is not required");
                }
            });
        }));
        return p;
    }

    private static void reach(JsonNode doc, JsonNode schema, Set<String> names,
            Predicate<String> enter, Consumer<JsonNode> visit) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            if (ref.startsWith(SCHEMAS)) {
                String name = ref.substring(SCHEMAS.length());
                if (enter.test(name) && names.add(name)) {
                    ObjectNode target = ((ObjectNode) doc.at(ref.substring(1))).deepCopy();
                    target.put("x-lint-where", "components.schemas." + name);
                    visit.accept(target);
                    children(doc.at(ref.substring(1))).forEach(c -> reach(doc, c, names, enter, visit));
                }
            }
            return;
        }
        visit.accept(schema);
        children(schema).forEach(c -> reach(doc, c, names, enter, visit));
    }

    /** Every 4xx and 5xx answer (and range) is application/problem+json with the Problem schema. */
    static List<String> errorsAreProblems(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachOperation(doc, (where, op) -> op.path("responses").properties().forEach(r -> {
            if (!r.getKey().startsWith("4") && !r.getKey().startsWith("5")) {
                return;
            }
            JsonNode content = r.getValue().path("content");
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            String ref = content.path("application/problem+json").path("schema").path("$ref").asText("");
            if (!types.equals(List.of("application/problem+json")) || !ref.equals(SCHEMAS + "Problem")) {
                p.add(where + " " + r.getKey() + ": " + types + " " + ref);
            }
        }));
        for (String range : List.of("4XX", "5XX")) {
            forEachOperation(doc, (where, op) -> {
                if (!op.path("responses").has(range)) {
                    p.add(where + ": no " + range);
                }
            });
        }
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        Set<String> required = new HashSet<>();
        problem.path("required").forEach(r -> required.add(r.asText()));
        if (!required.containsAll(List.of("type", "title", "status"))) {
            p.add("components.schemas.Problem: type, title and status are not required");
        }
        return p;
    }

    /** Every operation says who may call it: a scheme, or [] (or [{}...]) for anyone. */
    static List<String> securityDeclared(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            if (!op.path("security").isArray()) {
                p.add(where + ": no security declared");
            }
        });
        return p;
    }

    /** A 2XX answer per operation; 200, 201, 203 and 206 with a schema. */
    static List<String> successesDocumented(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            boolean success = false;
            for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
                if (!r.getKey().startsWith("2")) {
                    continue;
                }
                success = true;
                if (Set.of("200", "201", "203", "206").contains(r.getKey())) {
                    JsonNode content = r.getValue().path("content");
                    boolean typed = content.size() > 0;
                    for (JsonNode media : content) {
                        typed &= media.path("schema").isObject() && !media.path("schema").isEmpty();
                    }
                    if (!typed) {
                        p.add(where + " " + r.getKey() + ": no content with a schema");
                    }
                }
            }
            if (!success) {
                p.add(where + ": no successful answer");
            }
        });
        return p;
    }

    /**
     * A GET taking If-None-Match documents 304, and ETag on its 200 and 304; an operation taking If-Match documents
     * 412 and 428; every ETag and Location header is a string.
     */
    static List<String> conditionalRequests(JsonNode doc) {
        List<String> p = new ArrayList<>();
        forEachOperation(doc, (where, op) -> {
            JsonNode responses = op.path("responses");
            if (where.startsWith("GET ") && hasHeaderParameter(op, "If-None-Match")) {
                for (String code : List.of("200", "304")) {
                    if (!responses.path(code).path("headers").has("ETag")) {
                        p.add(where + " " + code + ": no ETag");
                    }
                }
            }
            if (hasHeaderParameter(op, "If-Match")) {
                for (String code : List.of("412", "428")) {
                    if (!responses.has(code)) {
                        p.add(where + ": takes If-Match, documents no " + code);
                    }
                }
            }
            responses.properties().forEach(r -> r.getValue().path("headers").properties().forEach(h -> {
                if (Set.of("etag", "location").contains(h.getKey().toLowerCase())
                        && (!Set.of("ETag", "Location").contains(h.getKey())
                                || !h.getValue().path("schema").path("type").asText("").equals("string"))) {
                    p.add(where + " " + r.getKey() + ": header " + h.getKey() + " " + h.getValue());
                }
            }));
        });
        return p;
    }

    private static boolean hasHeaderParameter(JsonNode op, String name) {
        for (JsonNode parameter : op.path("parameters")) {
            if (parameter.path("in").asText().equals("header") && parameter.path("name").asText()
                    .equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** No SmallRye, Quarkus or utfall marker extension is left in the published document. */
    static List<String> noInternalExtensions(JsonNode doc) {
        List<String> p = new ArrayList<>();
        walk(doc, "#", (where, node) -> node.fieldNames().forEachRemaining(key -> {
            if (key.startsWith("x-smallrye") || key.startsWith("x-quarkus") || key.startsWith("x-utfall")) {
                p.add(where + "/" + key);
            }
        }));
        return p;
    }

    // --- walking -----------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Visitor {
        void visit(String where, JsonNode node);
    }

    static JsonNode withoutTestProbes(JsonNode doc) {
        JsonNode copy = doc.deepCopy();
        List<String> probes = new ArrayList<>();
        copy.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.startsWith(TEST_ONLY)) {
                probes.add(path);
            }
        });
        if (copy.path("paths") instanceof ObjectNode paths) {
            probes.forEach(paths::remove);
        }
        return copy;
    }

    static void forEachOperation(JsonNode doc, Visitor visitor) {
        doc.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isObject()) {
                    visitor.visit(method.toUpperCase() + " " + path.getKey(), op);
                }
            }
        });
    }

    /** Every object node of the document, by its JSON pointer. */
    static void walk(JsonNode node, String where, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(where, node);
            node.properties().forEach(f -> walk(f.getValue(), where + "/" + f.getKey().replace("~", "~0")
                    .replace("/", "~1"), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, visitor);
            }
        }
    }

    /** Every schema of the document: components, and under parameters, media types and headers, recursively. */
    static void forEachSchema(JsonNode doc, Visitor visitor) {
        doc.path("components").path("schemas").properties().forEach(s ->
                schemaTree(s.getValue(), "#/components/schemas/" + s.getKey(), visitor));
        walk(doc.path("paths"), "#/paths", (where, node) -> {
            if (node.has("schema") && node.path("schema").isObject()) {
                schemaTree(node.path("schema"), where + "/schema", visitor);
            }
        });
        walk(doc.path("components").path("parameters"), "#/components/parameters", (where, node) -> {
            if (node.has("schema")) {
                schemaTree(node.path("schema"), where + "/schema", visitor);
            }
        });
    }

    private static void schemaTree(JsonNode schema, String where, Visitor visitor) {
        if (!schema.isObject() || schema.has("$ref") && schema.size() == 1) {
            return;
        }
        visitor.visit(where, schema);
        schema.path("properties").properties().forEach(f ->
                schemaTree(f.getValue(), where + "/properties/" + f.getKey(), visitor));
        for (String one : List.of("items", "not", "additionalProperties", "contains", "propertyNames", "if", "then",
                "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema")) {
            schemaTree(schema.path(one), where + "/" + one, visitor);
        }
        for (String many : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            for (int i = 0; i < schema.path(many).size(); i++) {
                schemaTree(schema.path(many).get(i), where + "/" + many + "/" + i, visitor);
            }
        }
        for (String map : List.of("patternProperties", "dependentSchemas", "$defs")) {
            schema.path(map).properties().forEach(f ->
                    schemaTree(f.getValue(), where + "/" + map + "/" + f.getKey(), visitor));
        }
    }

    private static List<JsonNode> children(JsonNode schema) {
        List<JsonNode> c = new ArrayList<>();
        schema.path("properties").forEach(c::add);
        schema.path("patternProperties").forEach(c::add);
        for (String one : List.of("items", "not", "additionalProperties")) {
            c.add(schema.path(one));
        }
        for (String many : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            schema.path(many).forEach(c::add);
        }
        return c;
    }

    private static Set<String> refs(JsonNode doc) {
        Set<String> refs = new TreeSet<>();
        walk(doc, "#", (where, node) -> {
            if (node.path("$ref").isTextual()) {
                refs.add(node.path("$ref").asText());
            }
        });
        return refs;
    }

    private static boolean matchesType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
