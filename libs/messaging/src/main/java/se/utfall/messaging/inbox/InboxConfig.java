package se.utfall.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the inbox waits out transient faults, and how long it remembers consumed event ids. */
@ConfigMapping(prefix = "utfall.inbox")
public interface InboxConfig {
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * Consumed event ids older than this are forgotten. Must be longer than the retention of every topic the
     * service consumes (a redelivery older than this would be applied again).
     */
    @WithDefault("30d")
    Duration retention();
}
