package se.utfall.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;

/**
 * Problem documents for what is answered below JAX-RS, where {@link ProblemMappers} cannot reach: the request-line
 * filter's refusals, and every error of the management port (health, metrics), whose router would otherwise answer
 * an unknown path with vertx-web's HTML page.
 */
@ApplicationScoped
public class ProtocolProblems {
    private static final Logger LOG = Logger.getLogger(ProtocolProblems.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"bad-request", "Bad Request", "The request is malformed"},
            401, new String[] {"unauthorized", "Unauthorized", "A valid bearer token is required"},
            403, new String[] {"forbidden", "Forbidden", "Your role does not allow this operation"},
            404, new String[] {"not-found", "Not Found", "No such resource"},
            405, new String[] {"method-not-allowed", "Method Not Allowed",
                "This method is not allowed on this resource"},
            406, new String[] {"not-acceptable", "Not Acceptable",
                "This resource cannot produce the requested media type"},
            413, new String[] {"payload-too-large", "Content Too Large", "The request body is too large"},
            415, new String[] {"unsupported-media-type", "Unsupported Media Type",
                "This media type is not accepted here"});

    /** Ends the exchange with a problem document, unless an answer has begun already. */
    public static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        if (rc.response().headWritten() || rc.response().ended()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(new Problem(Problem.type(slug), title, status, detail, null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    void management(@Observes ManagementInterface management) {
        install(management.router());
    }

    /** Every status a router can end with unhandled becomes a problem document. */
    static void install(Router router) {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503}) {
            router.errorHandler(status, rc -> answer(rc, status));
        }
    }

    private static void answer(RoutingContext rc, int status) {
        String[] known = KNOWN.get(status);
        if (known != null) {
            send(rc, status, known[0], known[1], known[2]);
        } else if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            if (rc.failure() != null) {
                LOG.errorf(rc.failure(), "Unhandled error on the management port, incident %s", incident);
            }
            send(rc, status, "internal", "Internal Server Error",
                    "Something went wrong on our side; quote incident " + incident);
        } else {
            send(rc, status, "error", "Error", "The request could not be served");
        }
    }
}
