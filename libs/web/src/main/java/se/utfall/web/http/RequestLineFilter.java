package se.utfall.web.http;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import se.utfall.web.problem.ProtocolProblems;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The request line, checked before anything else reads it, on the API port and the management port alike, each
 * refusal a problem document: a URI longer than {@code utfall.http.max-uri-length} (414); one that is not a URI
 * ({@code {x}}, a raw {@code "}, a space; 400); a malformed percent-encoding ({@code q=%zz}; 400); a NUL character
 * anywhere ({@code q=%00}; 400: PostgreSQL cannot hold it and nothing legitimate sends it). Quarkus' own bodiless
 * check is switched off for this ({@link UriCheckHandover}).
 */
@ApplicationScoped
public class RequestLineFilter {
    private final HttpLimits limits;

    public RequestLineFilter(HttpLimits limits) {
        this.limits = limits;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1100);
    }

    void management(@Observes ManagementInterface management) {
        management.router().route().order(-1100).handler(this::check);
    }

    void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri == null) {
            rc.next();
            return;
        }
        if (uri.length() > limits.maxUriLength()) {
            ProtocolProblems.send(rc, 414, "uri-too-long", "URI Too Long",
                    "The request URI has " + uri.length() + " characters; at most " + limits.maxUriLength()
                    + " are accepted");
            return;
        }
        if (uri.indexOf('\u0000') >= 0 || uri.contains("%00")) {
            ProtocolProblems.send(rc, 400, "validation-error", "Bad Request",
                    "The request line contains a NUL character (%00), which no field may hold");
            return;
        }
        try {
            // java.net.URI also refuses a % that does not start two hex digits (%zz, a trailing %).
            new URI(uri);
        } catch (URISyntaxException e) {
            ProtocolProblems.send(rc, 400, "malformed-uri", "Bad Request",
                    "The request URI is malformed: characters such as {, } and \" must be percent-encoded, and"
                    + " every % must start a valid escape (%zz is not)");
            return;
        }
        rc.next();
    }
}
