package se.utfall.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/** RFC 9457 problem details, with field-level {@code errors} for validation failures. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://utfall.se/problems/";

    /** One invalid field: a JSON-pointer-like path into the request, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
