package se.utfall.web.problem;

import java.util.List;

/**
 * Thrown by use cases to end a request with a specific problem; mapped to {@code application/problem+json} by
 * {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not Found", what + " does not exist or is not visible to you",
                null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    /** The request is well-formed but breaks a business rule (e.g. publishing an incomplete challenge). */
    public static ProblemException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, "unprocessable", "Unprocessable Content", detail, errors);
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation-error", "Bad Request", detail, errors);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition Failed", detail, null);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition Required", detail, null);
    }

    public Problem toProblem() {
        return new Problem(Problem.type(slug), title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }
}
