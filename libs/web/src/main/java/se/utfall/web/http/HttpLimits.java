package se.utfall.web.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Limits on what a request may carry ({@code utfall.http.*}). */
@ConfigMapping(prefix = "utfall.http")
public interface HttpLimits {
    /** The largest request body accepted, counted as read; more is 413 (default 256 KiB). */
    @WithDefault("262144")
    long maxBodyBytes();

    /**
     * Request paths that take files (a regular expression over the whole path, e.g.
     * {@code /api/v1/responses/[^/]+/attachments}), with {@link #maxUploadBytes()} instead; none when unset.
     */
    Optional<String> uploadPaths();

    /** The largest file accepted on an upload path (default 10 MiB); Vert.x's backstop must be above it. */
    @WithDefault("10485760")
    long maxUploadBytes();

    /**
     * Uploads one instance takes at once; more are refused with 503 and {@code Retry-After} before their bytes
     * are read. Each held upload costs a few copies of its size on the heap, so this bounds what a burst (or a
     * hostile caller with many connections) can take.
     */
    @WithDefault("2")
    int maxConcurrentUploads();

    /**
     * The longest request URI (path and query) accepted; longer ones get a 414 problem. Below
     * {@code quarkus.http.limits.max-initial-line-length}, so the refusal is this service's and has a body.
     */
    @WithDefault("4096")
    int maxUriLength();
}
