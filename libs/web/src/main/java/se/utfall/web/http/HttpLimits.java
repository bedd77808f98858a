package se.utfall.web.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what a request may carry ({@code utfall.http.*}). */
@ConfigMapping(prefix = "utfall.http")
public interface HttpLimits {
    /** The largest request body accepted, counted as read; more is 413 (default 256 KiB). */
    @WithDefault("262144")
    long maxBodyBytes();
}
