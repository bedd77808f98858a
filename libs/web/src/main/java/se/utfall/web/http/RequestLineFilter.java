package se.utfall.web.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Refuses a NUL character anywhere in the request line (path or query, e.g. {@code q=%00}) with a 400 problem:
 * PostgreSQL cannot hold it, and nothing legitimate sends it.
 */
@ApplicationScoped
public class RequestLineFilter {
    static final String BODY = "{\"type\":\"https://utfall.se/problems/validation-error\",\"title\":\"Bad Request\","
            + "\"status\":400,\"detail\":\"The request line contains a NUL character (%00), which no field may hold\"}";

    void register(@Observes Filters filters) {
        filters.register(this::check, 1100);
    }

    void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri != null && (uri.indexOf('\u0000') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00"))) {
            rc.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .end(BODY);
            return;
        }
        rc.next();
    }
}
