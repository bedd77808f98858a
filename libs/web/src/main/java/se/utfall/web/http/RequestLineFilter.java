package se.utfall.web.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses a NUL character anywhere in the request line (path or query, e.g. {@code q=%00}), and a malformed
 * percent-encoding ({@code q=%zz}), with a 400 problem: PostgreSQL cannot hold the one, the decoder fails on the
 * other, and nothing legitimate sends either.
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
            refuse(rc, BODY);
            return;
        }
        if (uri != null && uri.indexOf('%') >= 0) {
            try {
                URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                refuse(rc, MALFORMED);
                return;
            }
        }
        rc.next();
    }

    static final String MALFORMED = "{\"type\":\"https://utfall.se/problems/validation-error\",\"title\":"
            + "\"Bad Request\",\"status\":400,\"detail\":\"The request line has a malformed percent-encoding\"}";

    private static void refuse(RoutingContext rc, String body) {
        rc.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(body);
    }
}
