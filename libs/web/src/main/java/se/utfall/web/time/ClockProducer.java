package se.utfall.web.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The service's notion of now; tests may replace it with an alternative bean. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @DefaultBean
    @jakarta.inject.Singleton
    Clock clock() {
        // PostgreSQL keeps microseconds: ticking in micros makes an event's timestamps equal to what is stored.
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }
}
