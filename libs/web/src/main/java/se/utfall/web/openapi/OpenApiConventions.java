package se.utfall.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The conventions every service's API description keeps, applied once to the generated document instead of copied
 * onto every resource method:
 * <ol>
 * <li>Every property of a schema a successful answer carries is {@code required}: Jackson writes every record
 * component (utfall-web sets no {@code NON_NULL} inclusion), so each key is always present, with {@code null} where
 * there is no value. Whether a value may be null is the component's own business ({@code @Schema(nullable = true)}
 * makes its type {@code [T, "null"]}). A schema that requests use as well (e.g. {@code Money}) is left as
 * annotated: there a missing key is allowed. Where a class or component says {@code @JsonInclude} (other than
 * ALWAYS), Jackson may leave the key out, and it is not required.</li>
 * <li>Every 4xx and 5xx answer, documented ones and the {@code 4XX}/{@code 5XX} ranges added here, is an RFC 9457
 * {@code application/problem+json} document ({@code #/components/schemas/Problem}).</li>
 * <li>Every operation declares its security: bearer for {@code @RolesAllowed}/{@code @Authenticated} (and for a
 * method with neither, which utfall-web denies), and for {@code @PermitAll} {@link #ANONYMOUS}.</li>
 * <li>{@code info.license} is the project's licence, unless a service names one.</li>
 * <li>Every operation documents a successful answer, with content unless it answers 204; a method returning
 * nothing gets its 204 here, one returning a body but documenting none fails the build, naming the operation.</li>
 * <li>Conditional requests: a GET taking If-None-Match answers 304 and both it and the 200 carry ETag; an operation
 * taking If-Match may answer 412 (stale) and 428 (missing); {@link ETagged} puts ETag on the successful answers,
 * {@link Created} puts Location on the 201.</li>
 * </ol>
 * Schemas nothing refers to any more are dropped (Redocly's no-unused-components; utfall-web maps Jackson's
 * {@code JsonNode} to {@code JsonObject} for every service, and one without JSON trees has no use for it).
 * <p>
 * A filter sees only the model, not the resource methods; SmallRye hands a build-time filter the Jandex index when it
 * has a constructor taking {@link IndexView}, and the filter finds each method by its {@code operationId} (every
 * operation names one: {@code OpenApiContractTests} checks it).
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 0)
public class OpenApiConventions implements OASFilter {

    /** How an operation open to anonymous callers ({@code @PermitAll}) declares its security. */
    enum Anonymous {
        /** {@code security: []}: no token needed (and a generated client sends none). */
        NONE,
        /**
         * {@code security: [{}, {bearer: []}]}: anonymous, or with a token, which may show more (a draft to its
         * buyers): a generated client then sends the token when it has one.
         */
        OPTIONAL
    }

    static final Anonymous ANONYMOUS = Anonymous.NONE;

    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";

    /** A proposal: the repository has no LICENSE file yet; the EU's licence is common for public-sector code. */
    static final String LICENSE_NAME = "European Union Public Licence 1.2";
    static final String LICENSE_ID = "EUPL-1.2";

    private static final DotName OPERATION = DotName.createSimple(
            "org.eclipse.microprofile.openapi.annotations.Operation");
    private static final DotName ETAGGED = DotName.createSimple(ETagged.class.getName());
    private static final DotName CREATED = DotName.createSimple(Created.class.getName());
    private static final DotName JSON_INCLUDE = DotName.createSimple(
            "com.fasterxml.jackson.annotation.JsonInclude");
    private static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    private static final List<DotName> SECURED = List.of(
            DotName.createSimple("jakarta.annotation.security.RolesAllowed"),
            DotName.createSimple("jakarta.annotation.security.DenyAll"),
            DotName.createSimple("io.quarkus.security.Authenticated"),
            DotName.createSimple("io.quarkus.security.PermissionsAllowed"));
    private static final Set<String> NO_BODY = Set.of("void", "java.lang.Void");
    private static final Set<String> WRAPPERS = Set.of("io.smallrye.mutiny.Uni",
            "java.util.concurrent.CompletionStage", "java.util.concurrent.CompletableFuture",
            "org.jboss.resteasy.reactive.RestResponse");
    private static final Set<String> BODY_EXPECTED = Set.of("200", "201", "203", "206");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("400", "Bad Request: see errors[] for the fields"),
            Map.entry("401", "Unauthorized: a valid bearer token is required"),
            Map.entry("403", "Forbidden: your role does not allow this"),
            Map.entry("404", "Not Found"),
            Map.entry("409", "Conflict with the resource's state"),
            Map.entry("412", "Precondition Failed: the resource changed since you read it; read it again"),
            Map.entry("413", "Content Too Large"),
            Map.entry("415", "Unsupported Media Type"),
            Map.entry("422", "Unprocessable: see errors[]"),
            Map.entry("428", "Precondition Required: send If-Match with the ETag you read"),
            Map.entry("429", "Too Many Requests: see Retry-After"),
            Map.entry("4XX", "The request was refused; see the problem"),
            Map.entry("5XX", "A fault on our side; quote the incident id in detail"));

    private final Map<String, MethodInfo> methods = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    private final Map<String, String> etags;
    private final Map<String, String> locations;
    /** Classes whose empty or null properties Jackson leaves out ({@code @JsonInclude} other than ALWAYS). */
    private final Set<String> omitting = new HashSet<>();
    /** "Class.property" for properties so annotated. */
    private final Set<String> omitted = new HashSet<>();

    /** SmallRye passes the index a build-time filter needs when it has this constructor. */
    public OpenApiConventions(IndexView index) {
        if (index != null) {
            for (AnnotationInstance operation : index.getAnnotations(OPERATION)) {
                AnnotationValue id = operation.value("operationId");
                if (operation.target().kind() != AnnotationTarget.Kind.METHOD || id == null
                        || id.asString().isBlank()) {
                    continue;
                }
                MethodInfo method = operation.target().asMethod();
                MethodInfo before = methods.putIfAbsent(id.asString(), method);
                // The index SmallRye hands over may hold a class twice (the module's own index and the scan):
                // only another method under the same operationId is ambiguous.
                if (before != null && !sameMethod(before, method)) {
                    ambiguous.add(id.asString());
                }
            }
        }
        etags = marked(index, ETAGGED, "value", ETagged.DEFAULT);
        locations = marked(index, CREATED, "location", Created.DEFAULT);
        if (index != null) {
            for (AnnotationInstance include : index.getAnnotations(JSON_INCLUDE)) {
                AnnotationValue value = include.value();
                // No value is ALWAYS; USE_DEFAULTS is the mapper's, which utfall-web leaves at ALWAYS.
                if (value == null || Set.of("ALWAYS", "USE_DEFAULTS").contains(value.asEnum())) {
                    continue;
                }
                AnnotationTarget target = include.target();
                switch (target.kind()) {
                    case CLASS -> omitting.add(target.asClass().simpleName());
                    case FIELD -> omitted.add(target.asField().declaringClass().simpleName() + "."
                            + target.asField().name());
                    case METHOD -> omitted.add(target.asMethod().declaringClass().simpleName() + "."
                            + target.asMethod().name());
                    case METHOD_PARAMETER -> omitted.add(target.asMethodParameter().method().declaringClass()
                            .simpleName() + "." + target.asMethodParameter().name());
                    default -> { }
                }
            }
        }
    }

    private static boolean sameMethod(MethodInfo a, MethodInfo b) {
        return a.declaringClass().name().equals(b.declaringClass().name()) && a.name().equals(b.name())
                && a.parameterTypes().equals(b.parameterTypes());
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSchema(PROBLEM, problemSchema());
        license(api);
        String scheme = components.getSecuritySchemes() != null && components.getSecuritySchemes().size() == 1
                ? components.getSecuritySchemes().keySet().iterator().next() : null;
        List<String> wrong = new ArrayList<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                String where = method + " " + path;
                MethodInfo java = op.getOperationId() == null ? null : methods.get(op.getOperationId());
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.setResponses(responses);
                }
                security(api, op, java, scheme);
                conditional(method, op, responses, where, wrong);
                success(op, responses, java, where, wrong);
                problems(responses);
                sort(responses);
            }));
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The API description does not hold (OpenApiConventions):\n  "
                    + String.join("\n  ", wrong));
        }
        requireAlwaysPresent(api);
        dropUnused(api);
    }

    // --- 3. security -------------------------------------------------------------------------------------------

    private static void security(OpenAPI api, Operation op, MethodInfo java, String scheme) {
        if (op.getSecurity() != null || api.getSecurity() != null && !api.getSecurity().isEmpty()) {
            return;
        }
        List<SecurityRequirement> security = new ArrayList<>();
        if (java != null && anonymous(java)) {
            if (ANONYMOUS == Anonymous.OPTIONAL && scheme != null) {
                security.add(OASFactory.createSecurityRequirement());
                security.add(OASFactory.createSecurityRequirement().addScheme(scheme));
            }
        } else if (scheme != null) {
            // @RolesAllowed and the like, or nothing at all: utfall-web denies those (401 without a token).
            security.add(OASFactory.createSecurityRequirement().addScheme(scheme));
        } else {
            return;
        }
        op.setSecurity(security);
    }

    /** Method-level security annotations win over the class's, as in Jakarta Security. */
    private static boolean anonymous(MethodInfo method) {
        if (method.hasDeclaredAnnotation(PERMIT_ALL)) {
            return true;
        }
        if (SECURED.stream().anyMatch(method::hasDeclaredAnnotation)) {
            return false;
        }
        return method.declaringClass().hasDeclaredAnnotation(PERMIT_ALL);
    }

    // --- 6. conditional requests, ETag, Location ------------------------------------------------------------------

    private void conditional(PathItem.HttpMethod method, Operation op, APIResponses responses, String where,
            List<String> wrong) {
        String id = op.getOperationId();
        if (id != null && ambiguous.contains(id) && (etags.containsKey(id) || locations.containsKey(id))) {
            wrong.add(where + ": operationId " + id + " names two methods; @ETagged/@Created cannot tell which");
            return;
        }
        String etag = id == null ? null : etags.get(id);
        Parameter ifNoneMatch = header(op, "If-None-Match");
        if (ifNoneMatch != null && method == PathItem.HttpMethod.GET) {
            describe(ifNoneMatch, "ETag of the copy you hold; 304 when it is current");
            if (!responses.hasAPIResponse("304")) {
                responses.addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not Modified: your copy (If-None-Match) is current"));
            }
            if (etag == null) {
                etag = ETagged.DEFAULT;
            }
            addHeader(responses.getAPIResponse("304"), "ETag", etag);
        }
        Parameter ifMatch = header(op, "If-Match");
        if (ifMatch != null) {
            describe(ifMatch, "ETag of the version you read");
            addIfAbsent(responses, "412");
            addIfAbsent(responses, "428");
        }
        if (etag != null) {
            int tagged = 0;
            for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                if (r.getKey().startsWith("2") && hasContent(r.getValue())) {
                    addHeader(r.getValue(), "ETag", etag);
                    tagged++;
                }
            }
            if (tagged == 0) {
                wrong.add(where + ": @ETagged, but no successful answer with content to carry the ETag");
            }
        }
        String location = id == null ? null : locations.get(id);
        if (location != null) {
            if (responses.hasAPIResponse("201")) {
                addHeader(responses.getAPIResponse("201"), "Location", location);
            } else {
                wrong.add(where + ": @Created, but no 201 answer is documented");
            }
        }
    }

    private static Parameter header(Operation op, String name) {
        if (op.getParameters() == null) {
            return null;
        }
        return op.getParameters().stream().filter(p -> p.getIn() == Parameter.In.HEADER
                && name.equalsIgnoreCase(p.getName())).findFirst().orElse(null);
    }

    private static void describe(Parameter p, String description) {
        if (p.getDescription() == null || p.getDescription().isBlank()) {
            p.setDescription(description);
        }
    }

    private static void addHeader(APIResponse response, String name, String description) {
        if (response.getRef() != null || response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        response.addHeader(name, header);
    }

    // --- 5. a documented success --------------------------------------------------------------------------------

    private static void success(Operation op, APIResponses responses, MethodInfo java, String where,
            List<String> wrong) {
        boolean documented = false;
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            if (r.getKey().startsWith("2")) {
                documented = true;
                if (BODY_EXPECTED.contains(r.getKey()) && !hasContent(r.getValue()) && r.getValue().getRef() == null
                        && java != null && !returnsNothing(java)) {
                    wrong.add(where + " " + r.getKey() + ": answers with a body but documents no content");
                }
            }
        }
        if (documented || java == null) {
            return;
        }
        if (returnsNothing(java)) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("No Content"));
        } else {
            wrong.add(where + " (" + java.declaringClass().name().withoutPackagePrefix() + "." + java.name()
                    + "): no successful answer documented; add @APIResponseSchema(value = ..., responseCode = \"200\")"
                    + " next to the error responses");
        }
    }

    /** {@code void}, {@code Uni<Void>} and the like: JAX-RS answers 204. */
    private static boolean returnsNothing(MethodInfo method) {
        Type type = method.returnType();
        while (type.kind() == Type.Kind.PARAMETERIZED_TYPE && WRAPPERS.contains(type.name().toString())
                && !type.asParameterizedType().arguments().isEmpty()) {
            type = type.asParameterizedType().arguments().get(0);
        }
        return type.kind() == Type.Kind.VOID || NO_BODY.contains(type.name().toString());
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    // --- 2. problems ---------------------------------------------------------------------------------------------

    private static void problems(APIResponses responses) {
        addIfAbsent(responses, "4XX");
        addIfAbsent(responses, "5XX");
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            String code = r.getKey();
            APIResponse response = r.getValue();
            if (!(code.startsWith("4") || code.startsWith("5")) || response.getRef() != null) {
                continue;
            }
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(REASONS.getOrDefault(code, "Error"));
            }
            MediaType problem = response.getContent() == null ? null
                    : response.getContent().getMediaType(PROBLEM_MEDIA_TYPE);
            // Errors are always problem documents (ProblemMappers, ProtocolProblems): another media type is wrong,
            // a problem+json with a schema of its own (a subtype of Problem) is kept.
            if (problem == null || problem.getSchema() == null) {
                response.setContent(problemContent());
            } else {
                response.setContent(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE, problem));
            }
        }
    }

    private static void addIfAbsent(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(REASONS.get(code))
                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** RFC 9457, as utfall-web's {@code Problem} record writes it (empty fields left out). */
    static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("A JSON-pointer-like path into the request")
                        .examples(List.of("outcomeGoals[0].targetDate")))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("must be after the baseline date")))
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .format("uri").examples(List.of("https://utfall.se/problems/validation-error")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32"))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .format("uri"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(fieldError))
                .required(List.of("type", "title", "status"));
    }

    /** 1xx–5xx in order, a range after its codes, so a reader finds the success first. */
    private static void sort(APIResponses responses) {
        Map<String, APIResponse> sorted = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toUpperCase().replace('X', '9')))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        responses.setAPIResponses(sorted);
    }

    // --- 4. licence ------------------------------------------------------------------------------------------------

    private static void license(OpenAPI api) {
        Info info = api.getInfo();
        if (info == null) {
            info = OASFactory.createInfo();
            api.setInfo(info);
        }
        if (info.getLicense() == null) {
            // OpenAPI 3.1: identifier (SPDX) and url are mutually exclusive.
            info.setLicense(OASFactory.createLicense().name(LICENSE_NAME).identifier(LICENSE_ID));
        }
    }

    // --- 1. required properties of what successful answers carry ---------------------------------------------------

    private void requireAlwaysPresent(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> named = api.getComponents().getSchemas() == null ? Map.of()
                : api.getComponents().getSchemas();
        List<Schema> requests = new ArrayList<>();
        List<Schema> answers = new ArrayList<>();
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getParameters() != null) {
                    for (Parameter p : op.getParameters()) {
                        requests.add(p.getSchema());
                        schemas(p.getContent(), requests);
                    }
                }
                if (op.getRequestBody() != null) {
                    schemas(op.getRequestBody().getContent(), requests);
                }
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().forEach((code, r) -> {
                        if (code.startsWith("2")) {
                            schemas(r.getContent(), answers);
                        }
                    });
                }
            }
        }
        Set<String> requested = new HashSet<>();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Schema s : requests) {
            walk(s, named, requested, seen, name -> true, node -> { });
        }
        Map<Schema, String> names = new IdentityHashMap<>();
        named.forEach((name, schema) -> names.put(schema, name));
        Set<String> answered = new HashSet<>();
        seen.clear();
        for (Schema s : answers) {
            // A schema requests use too keeps its annotations: a request may leave its keys out.
            walk(s, named, answered, seen, name -> !requested.contains(name), node -> requireAll(node,
                    names.get(node)));
        }
    }

    /** Removes component schemas that no operation reaches, directly or through other schemas. */
    private static void dropUnused(OpenAPI api) {
        Map<String, Schema> named = api.getComponents().getSchemas();
        if (named == null || named.isEmpty()) {
            return;
        }
        List<Schema> roots = new ArrayList<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                if (item.getParameters() != null) {
                    item.getParameters().forEach(p -> {
                        roots.add(p.getSchema());
                        schemas(p.getContent(), roots);
                    });
                }
                for (Operation op : item.getOperations().values()) {
                    if (op.getParameters() != null) {
                        op.getParameters().forEach(p -> {
                            roots.add(p.getSchema());
                            schemas(p.getContent(), roots);
                        });
                    }
                    if (op.getRequestBody() != null) {
                        schemas(op.getRequestBody().getContent(), roots);
                    }
                    if (op.getResponses() != null) {
                        op.getResponses().getAPIResponses().values().forEach(r -> {
                            schemas(r.getContent(), roots);
                            if (r.getHeaders() != null) {
                                r.getHeaders().values().forEach(h -> {
                                    roots.add(h.getSchema());
                                    schemas(h.getContent(), roots);
                                });
                            }
                        });
                    }
                }
            }
        }
        Components c = api.getComponents();
        if (c.getParameters() != null) {
            c.getParameters().values().forEach(p -> {
                roots.add(p.getSchema());
                schemas(p.getContent(), roots);
            });
        }
        if (c.getRequestBodies() != null) {
            c.getRequestBodies().values().forEach(b -> schemas(b.getContent(), roots));
        }
        if (c.getResponses() != null) {
            c.getResponses().values().forEach(r -> schemas(r.getContent(), roots));
        }
        if (c.getHeaders() != null) {
            c.getHeaders().values().forEach(h -> roots.add(h.getSchema()));
        }
        Set<String> used = new HashSet<>();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Schema s : roots) {
            walk(s, named, used, seen, name -> true, node -> { });
        }
        new ArrayList<>(named.keySet()).stream().filter(name -> !used.contains(name)).forEach(c::removeSchema);
    }

    /**
     * Every property, but where Jackson is told to leave empty values out ({@code @JsonInclude} on the class or the
     * component, matched by the schema's name, which SmallRye takes from the class's simple name).
     */
    private void requireAll(Schema schema, String name) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty() || omitting.contains(name)) {
            return;
        }
        List<String> required = new ArrayList<>();
        for (String property : schema.getProperties().keySet()) {
            if (!omitted.contains(name + "." + property)) {
                required.add(property);
            }
        }
        schema.setRequired(required.isEmpty() ? null : required);
    }

    private static void schemas(Content content, List<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> into.add(m.getSchema()));
        }
    }

    private static void walk(Schema s, Map<String, Schema> named, Set<String> names, Set<Schema> seen,
            Predicate<String> enter, Consumer<Schema> visit) {
        if (s == null || !seen.add(s)) {
            return;
        }
        if (s.getRef() != null) {
            String ref = s.getRef();
            if (ref.startsWith(SCHEMAS)) {
                String name = ref.substring(SCHEMAS.length());
                if (enter.test(name) && names.add(name)) {
                    walk(named.get(name), named, names, seen, enter, visit);
                }
            }
            return;
        }
        visit.accept(s);
        List<Schema> next = new ArrayList<>();
        if (s.getProperties() != null) {
            next.addAll(s.getProperties().values());
        }
        if (s.getPatternProperties() != null) {
            next.addAll(s.getPatternProperties().values());
        }
        next.add(s.getItems());
        next.add(s.getAdditionalPropertiesSchema());
        next.add(s.getNot());
        for (Collection<Schema> list : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf(),
                s.getPrefixItems())) {
            if (list != null) {
                next.addAll(list);
            }
        }
        for (Schema n : next) {
            walk(n, named, names, seen, enter, visit);
        }
    }

    // --- the markers -----------------------------------------------------------------------------------------------

    /** operationId → the marker's text, for every method carrying {@code marker}. */
    private static Map<String, String> marked(IndexView index, DotName marker, String attribute, String otherwise) {
        Map<String, String> found = new HashMap<>();
        if (index == null) {
            return found;
        }
        for (AnnotationInstance a : index.getAnnotations(marker)) {
            if (a.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = a.target().asMethod();
            AnnotationInstance operation = method.declaredAnnotation(OPERATION);
            AnnotationValue id = operation == null ? null : operation.value("operationId");
            if (id == null || id.asString().isBlank()) {
                throw new IllegalStateException("@" + marker.withoutPackagePrefix() + " on "
                        + method.declaringClass().name() + "." + method.name()
                        + " needs @Operation(operationId = ...): the OpenAPI filter finds the operation by it");
            }
            AnnotationValue text = a.value(attribute);
            found.put(id.asString(), text == null ? otherwise : text.asString());
        }
        return found;
    }
}
