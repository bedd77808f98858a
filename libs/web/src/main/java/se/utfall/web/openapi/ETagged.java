package se.utfall.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation's successful answers with a body (200, 201) carry an {@code ETag}: the value a client sends back as
 * If-Match to change the resource, or as If-None-Match to revalidate its copy. {@link OpenApiConventions} documents
 * the header on those answers; the method must still set it ({@code ETags.entityTag}).
 *
 * <p>Not needed on a GET that takes If-None-Match: a conditional read always carries its ETag, and the filter
 * documents it (with the 304) from the parameter alone. The method needs {@code @Operation(operationId = ...)}: the
 * filter finds the operation by it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ETagged {
    String DEFAULT = "The version, for If-Match";

    /** What the tag is the version of, when not the resource itself (e.g. "The invitation's version, for If-Match"). */
    String value() default DEFAULT;
}
