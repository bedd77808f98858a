package se.utfall.web.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the service treats its identity provider ({@code utfall.oidc.*}). */
@ConfigMapping(prefix = "utfall.oidc")
public interface IdentityConfig {
    /**
     * The {@code Retry-After} of a 503 while the provider is unreachable, and how often it is asked again during an
     * outage (env {@code UTFALL_OIDC_RETRY_AFTER}).
     */
    @WithDefault("10s")
    Duration retryAfter();
}
