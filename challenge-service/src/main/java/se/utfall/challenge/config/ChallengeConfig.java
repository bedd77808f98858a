package se.utfall.challenge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** challenge-service's own settings ({@code utfall.challenge.*}). */
@ConfigMapping(prefix = "utfall.challenge")
public interface ChallengeConfig {
    /** How often a replica looks for workshops held, to mark the process trail (WorkshopProgress). */
    @WithDefault("30s")
    Duration progressInterval();

    /** What one organisation may create in a window; beyond it a 429 with Retry-After. */
    Limits limits();

    interface Limits {
        /** Contributions one organisation records on one workshop per {@link #contributionsWindow}. */
        @WithDefault("30")
        int contributions();

        @WithDefault("1h")
        Duration contributionsWindow();
    }
}
