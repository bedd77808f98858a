package se.utfall.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "utfall.matching")
public interface MatchingConfig {
    /**
     * How often a replica checks whether any profile changed (in its own database, by any replica) and rebuilds
     * its in-memory ranking index if so.
     */
    @WithDefault("1s")
    Duration refreshInterval();

    /** A match at least this strong (0–1) is announced as match.recommended when its need becomes public. */
    @WithDefault("0.3")
    double notifyThreshold();

    /** At most this many innovators are announced per need. */
    @WithDefault("5")
    int notifyLimit();

    /** Recommendations below this score (0–1) are not shown: they share words with the need, not the job. */
    @WithDefault("0.15")
    double minScore();

    /** Feedback judgements one organisation gives or changes per {@link #feedbackWindow}; beyond it a 429. */
    @WithDefault("300")
    int feedbackLimit();

    @WithDefault("1h")
    Duration feedbackWindow();
}
