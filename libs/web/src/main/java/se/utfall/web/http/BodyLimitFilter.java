package se.utfall.web.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized bodies up front with a problem document. Vert.x's own hard limit
 * ({@code quarkus.http.limits.max-body-size}) stays above this one as a backstop for bodies without a length.
 */
@ApplicationScoped
public class BodyLimitFilter {
    private final long maxBytes;

    public BodyLimitFilter(@ConfigProperty(name = "utfall.http.max-body-bytes", defaultValue = "262144") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 1000);
    }

    void limit(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = Long.MAX_VALUE;
            }
            if (bytes > maxBytes) {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"https://utfall.se/problems/payload-too-large\",\"title\":\"Content Too Large\","
                                + "\"status\":413,\"detail\":\"The request body exceeds " + maxBytes + " bytes\"}");
                return;
            }
        }
        rc.next();
    }
}
