package se.utfall.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation's 201 answer names the created resource in {@code Location} (the method builds it with
 * {@code Response.created(uri)}). {@link OpenApiConventions} documents the header on the 201; a 201 that does not
 * set Location (a sub-document added to its parent, a judgement kept under a fixed path) simply has no
 * {@code @Created}. The method needs {@code @Operation(operationId = ...)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Created {
    String DEFAULT = "The new resource";

    /** What Location points to. */
    String location() default DEFAULT;
}
