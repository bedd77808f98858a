package se.utfall.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.util.List;
import javax.sql.DataSource;

/**
 * Migrates the library's own tables (outbox, inbox) with a Flyway history of their own, so library versions and a
 * service's versions are independent: a library migration released after a service reached its V7 is simply the
 * library's next version. Runs at start, before the relay.
 */
@ApplicationScoped
public class LibraryMigrations {
    public static final String HISTORY_TABLE = "utfall_messaging_schema_history";
    public static final String LOCATION = "classpath:db/utfall-messaging";
    /** Observers of the start-up event with a higher priority value (e.g. the relay) run after this one. */
    public static final int PRIORITY = 10;
    private static final Logger LOG = Logger.getLogger(LibraryMigrations.class);

    private final DataSource dataSource;
    private final List<String> locations;
    private final boolean enabled;
    private volatile boolean done;

    public LibraryMigrations(DataSource dataSource, MigrationConfig config) {
        this.dataSource = dataSource;
        this.locations = config.locations();
        this.enabled = config.enabled();
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        if (enabled) {
            int applied = migrate(dataSource, locations);
            LOG.infof("Library schema (%s): %d migration(s) applied", HISTORY_TABLE, applied);
        }
        done = true;
    }

    /** True once the library's migrations ran (or were disabled) in this process. */
    public boolean isDone() {
        return done;
    }

    /** Not ready before the outbox and inbox tables are migrated: no request may write an event before. */
    @Readiness
    @ApplicationScoped
    public static class Migrated implements HealthCheck {
        private final LibraryMigrations migrations;

        public Migrated(LibraryMigrations migrations) {
            this.migrations = migrations;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("Library schema migrated")
                    .status(migrations.isDone()).build();
        }
    }

    /** Applies pending library migrations; a schema that already holds a service's tables is fine. */
    public static int migrate(DataSource dataSource, List<String> locations) {
        return migrate(dataSource, locations, HISTORY_TABLE);
    }

    /**
     * The mechanism for any library that owns tables (utfall-audit too): its migrations at {@code locations}, with
     * its own history table, so no library's versions clash with a service's or another library's.
     */
    public static int migrate(DataSource dataSource, List<String> locations, String historyTable) {
        return Flyway.configure(LibraryMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .table(historyTable)
                // The service's own tables are already there (its Flyway runs first): start this history at 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
