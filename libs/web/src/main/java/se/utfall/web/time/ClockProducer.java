package se.utfall.web.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The service's notion of now; tests may replace it with an alternative bean. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: ticking in micros makes an event's timestamps equal to what is stored.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
