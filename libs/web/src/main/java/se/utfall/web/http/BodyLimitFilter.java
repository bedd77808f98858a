package se.utfall.web.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Refuses oversized bodies with a 413 problem document, counting the bytes actually read: a declared
 * {@code Content-Length} over the limit is refused before reading; a body without one (chunked) is read through a
 * body handler with the same limit, which fails the request at the first byte too many. Vert.x's own hard limit
 * ({@code quarkus.http.limits.max-body-size}) stays above this one as a backstop. Upload paths take larger bodies,
 * but only {@code utfall.http.max-concurrent-uploads} at a time (503 with Retry-After beyond, before reading).
 */
@ApplicationScoped
public class BodyLimitFilter {
    static final String SLUG = "https://utfall.se/problems/payload-too-large";
    private static final String LIMIT = "utfall.body-limit";
    private final long maxBytes;
    private final BodyHandler chunked;
    private final Pattern uploadPaths;
    private final long maxUploadBytes;
    private final BodyHandler chunkedUpload;
    private final int maxConcurrentUploads;
    private final AtomicInteger uploads = new AtomicInteger();

    public BodyLimitFilter(HttpLimits limits) {
        this.maxBytes = limits.maxBodyBytes();
        this.chunked = BodyHandler.create(false).setBodyLimit(maxBytes).setHandleFileUploads(false);
        this.uploadPaths = limits.uploadPaths().map(Pattern::compile).orElse(null);
        this.maxUploadBytes = limits.maxUploadBytes();
        this.chunkedUpload = BodyHandler.create(false).setBodyLimit(maxUploadBytes).setHandleFileUploads(false);
        this.maxConcurrentUploads = limits.maxConcurrentUploads();
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 1000);
    }

    /** The body handler fails the request with 413; this turns that into the problem document. */
    void onRouter(@Observes Router router) {
        router.route().order(-1001).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().ended()) {
                tooLarge(rc);
            } else {
                rc.next();
            }
        });
    }

    void limit(RoutingContext rc) {
        boolean upload = uploadPaths != null && uploadPaths.matcher(rc.normalizedPath()).matches();
        long max = upload ? maxUploadBytes : maxBytes;
        rc.put(LIMIT, max);
        if (upload && (rc.request().method() == HttpMethod.POST || rc.request().method() == HttpMethod.PUT)) {
            if (uploads.incrementAndGet() > maxConcurrentUploads) {
                uploads.decrementAndGet();
                busy(rc);
                return;
            }
            rc.addEndHandler(done -> uploads.decrementAndGet());
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = Long.MAX_VALUE;
            }
            if (bytes > max) {
                tooLarge(rc);
                return;
            }
            rc.next();
            return;
        }
        // Without Content-Length a request has a body only when it is sent chunked (RFC 9112 §6.3); an empty POST
        // (e.g. publish) must reach the resource unread.
        String encoding = rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            (upload ? chunkedUpload : chunked).handle(rc);
            return;
        }
        rc.next();
    }

    private void busy(RoutingContext rc) {
        rc.response().setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.RETRY_AFTER, "1")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"https://utfall.se/problems/uploads-busy\","
                        + "\"title\":\"Too many uploads at once\",\"status\":503,"
                        + "\"detail\":\"This instance takes " + maxConcurrentUploads + " files at a time;"
                        + " try again in a second. Nothing was stored.\"}");
    }

    private void tooLarge(RoutingContext rc) {
        Long max = rc.get(LIMIT);
        rc.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"" + SLUG + "\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"The request body exceeds " + (max == null ? maxBytes : max) + " bytes\"}");
    }
}
