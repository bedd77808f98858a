package se.utfall.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.utfall.web.http.AllowedMethods;
import se.utfall.web.json.TextInput;

import java.util.Arrays;
import java.util.Currency;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error leaves a service as {@code application/problem+json}; nothing else, and never a stack trace. Bad
 * input is always a 4xx; only a genuine fault is a 500, logged with an id the caller can quote.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final Map<Integer, String> SLUGS = Map.ofEntries(
            Map.entry(400, "bad-request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"), Map.entry(412, "precondition-failed"), Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"), Map.entry(422, "unprocessable"),
            Map.entry(428, "precondition-required"), Map.entry(429, "too-many"));

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response rule(RuleViolation e) {
        List<Problem.FieldError> errors = e.problems().stream()
                .map(p -> new Problem.FieldError(p.field(), p.problem())).toList();
        ProblemException fallback = switch (e.kind()) {
            case CONFLICT -> new ProblemException(409, "conflict", "Conflict", e.getMessage(),
                    errors.isEmpty() ? null : errors);
            case INVALID -> ProblemException.badRequest(e.getMessage(), errors);
            case INCOMPLETE -> ProblemException.unprocessable(e.getMessage(), errors);
            case NOT_YET_KNOWN -> new ProblemException(409, "not-yet-known", "Not Known Yet", e.getMessage(),
                    errors);
            case TOO_MANY -> new ProblemException(429, "too-many", "Too Many Requests", e.getMessage(), errors);
            case NOT_FOUND -> new ProblemException(404, "not-found", "Not Found", e.getMessage(), errors);
            case FORBIDDEN -> new ProblemException(403, "forbidden", "Forbidden", e.getMessage(), errors);
            case STALE -> ProblemException.preconditionFailed(e.getMessage());
            case UNCONDITIONAL -> ProblemException.preconditionRequired(e.getMessage());
            case TOO_LARGE -> new ProblemException(413, "payload-too-large", "Content Too Large", e.getMessage(),
                    errors);
            case UNSUPPORTED_TYPE -> new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    e.getMessage(), errors);
        };
        ProblemException problem = e.type() == null ? fallback : new ProblemException(fallback.status(), e.type(),
                e.title() == null ? fallback.toProblem().title() : e.title(), e.getMessage(),
                errors.isEmpty() ? null : errors);
        Response answer = respond(problem.toProblem());
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build()
                : answer;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(new Problem(Problem.type("validation-error"), "Bad Request", 400,
                "The request has invalid fields", null, errors));
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, JsonParseException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class})
    public Response json(JsonProcessingException e) {
        LOG.debugf("Refused a JSON body: %s", e.getMessage());
        return respond(fromJson(e));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e) {
        Problem p = new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "A valid bearer token is required", null, null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(p).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (status == 400 && cause instanceof JsonProcessingException jpe) {
            return respond(fromJson(jpe));
        }
        if (status >= 500) {
            return fault(e);
        }
        if (status == 404 && e.getCause() instanceof IllegalArgumentException && uri != null) {
            // A query parameter that could not be converted (page=abc) is the client's mistake, not a missing
            // resource; JAX-RS reports it as 404 with the conversion failure (NumberFormatException: For input
            // string: "abc") as cause. The parameter is the one holding that value.
            Matcher input = FAILED_INPUT.matcher(String.valueOf(e.getCause().getMessage()));
            String value = input.find() ? input.group(1) : null;
            List<Problem.FieldError> errors = uri.getQueryParameters().entrySet().stream()
                    .filter(q -> value != null && q.getValue().contains(value))
                    .map(q -> new Problem.FieldError(q.getKey(), "has the wrong type")).toList();
            if (!errors.isEmpty()) {
                return respond(new Problem(Problem.type("validation-error"), "Bad Request", 400,
                        "Query parameter '" + errors.get(0).field() + "' has the wrong type", null, errors));
            }
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "This media type is not accepted here: send application/json (application/merge-patch+json"
                    + " for PATCH)";
            default -> e.getMessage();
        };
        Response answer = respond(new Problem(Problem.type(SLUGS.getOrDefault(status, "error")), title, status,
                detail, null, null));
        if (status == 405 && uri != null) {
            Set<String> allowed = CDI.current().select(AllowedMethods.class).get().allowed(uri.getPath());
            if (!allowed.isEmpty()) {
                return Response.fromResponse(answer).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
            }
        }
        return answer;
    }

    private static final Pattern FAILED_INPUT = Pattern.compile("input string: \"(.*)\"");

    /**
     * A concurrent change lost to another writer (JPA's and Hibernate's names for it), recognised by name so this
     * library needs no persistence API.
     */
    private static final Set<String> STALE = Set.of("jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException");

    private static boolean isA(Throwable t, Set<String> classNames) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (classNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's SQLSTATE of a database error (JDBC, Hibernate or the reactive client), if it has one. */
    private static String sqlState(Throwable t) {
        for (String accessor : new String[] {"getSQLState", "getSqlState"}) {
            try {
                Object state = t.getClass().getMethod(accessor).invoke(t);
                if (state instanceof String s) {
                    return s;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not a database error
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response any(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException pe) {
                return respond(pe.toProblem());
            }
            if (t instanceof RuleViolation v) {
                return rule(v);
            }
            if (isA(t, STALE)) {
                return respond(ProblemException.preconditionFailed(
                        "The resource was changed by someone else meanwhile; read it again and retry").toProblem());
            }
            if ("23505".equals(sqlState(t))) {
                return respond(ProblemException.conflict("This would duplicate an existing entry").toProblem());
            }
            if ("23503".equals(sqlState(t))) {
                // A concurrent deletion won: what the request refers to is gone.
                return respond(ProblemException.conflict("This refers to something that was removed meanwhile")
                        .toProblem());
            }
            if (t instanceof ConstraintViolationException cve) {
                return validation(cve);
            }
            if (t instanceof JsonProcessingException jpe) {
                return json(jpe);
            }
            if (t instanceof WebApplicationException wae && t != e) {
                return web(wae, null);
            }
        }
        return fault(e);
    }

    private Response fault(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, incident %s", incident);
        return respond(new Problem(Problem.type("internal"), "Internal Server Error", 500,
                "Something went wrong on our side; quote incident " + incident, null, null));
    }

    private static Problem fromJson(JsonProcessingException e) {
        if (e instanceof TextInput.RejectedText r) {
            String field = pathOf(r);
            return new Problem(Problem.type("validation-error"), "Bad Request", 400,
                    "Field '" + field + "' " + r.getOriginalMessage(), null,
                    List.of(new Problem.FieldError(field, r.getOriginalMessage())));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = pathOf(u);
            return new Problem(Problem.type("validation-error"), "Bad Request", 400,
                    "Unknown or read-only field '" + field + "'", null,
                    List.of(new Problem.FieldError(field, "is not a field you can set")));
        }
        if (e instanceof MismatchedInputException m && m.getPath().isEmpty() && m.getTargetType() != null) {
            String expected = describe(m.getTargetType());
            return new Problem(Problem.type("validation-error"), "Bad Request", 400,
                    "The request body has the wrong type: it must be " + expected, null,
                    List.of(new Problem.FieldError("", "must be " + expected)));
        }
        if (e instanceof JsonParseException p && p.getOriginalMessage() != null
                && p.getOriginalMessage().startsWith("Duplicate field")) {
            String field = p.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
            return new Problem(Problem.type("validation-error"), "Bad Request", 400,
                    "Field '" + field + "' appears twice", null,
                    List.of(new Problem.FieldError(field, "appears twice; send each field once")));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = pathOf(m);
            String expected = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            return new Problem(Problem.type("validation-error"), "Bad Request", 400,
                    "Field '" + field + "' has the wrong type", null,
                    List.of(new Problem.FieldError(field, "must be " + expected)));
        }
        return new Problem(Problem.type("malformed-json"), "Bad Request", 400,
                "The request body is not valid JSON", null, null);
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == UUID.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (type == Currency.class) {
            return "an ISO 4217 currency code such as SEK";
        }
        return "an object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    /**
     * The field path as the client wrote it, e.g. {@code outcomeGoals[0].indicator}; a violated query parameter
     * is reported by its parameter name.
     */
    private static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable() && sb.length() > 0) {
                        sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        if (sb.length() > 0) {
                            sb.append('.');
                        }
                        sb.append(node.getName());
                    }
                }
            }
        }
        if (sb.length() > 0) {
            return sb.toString();
        }
        return parameter != null ? parameter : "(body)";
    }

    static Response respond(Problem p) {
        Response.ResponseBuilder r = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
        if (p.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return r.build();
    }
}
