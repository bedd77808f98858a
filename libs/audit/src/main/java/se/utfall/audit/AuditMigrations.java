package se.utfall.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import se.utfall.messaging.LibraryMigrations;

import java.util.List;
import javax.sql.DataSource;

/**
 * Migrates the audit table with a Flyway history of its own ({@value #HISTORY_TABLE}), the same mechanism as
 * {@link LibraryMigrations} (utfall-messaging): the library's versions and a service's never clash. Runs at start,
 * after the service's own Flyway (so a service's hand-over table {@code audit_entry_import} is already there) and
 * right after the messaging library's, before the HTTP port is ready and before the scheduled jobs. Kafka consumers
 * start earlier (SmallRye's own start-up priority): on the first start after a service hands its rows over, a
 * consumer's audit write can find no table for a moment; the inbox takes that as transient and retries. In a
 * rolling upgrade, stop the old version's pods before the new one migrates (docs/operations.md).
 */
@ApplicationScoped
public class AuditMigrations {
    public static final String HISTORY_TABLE = "utfall_audit_schema_history";
    public static final String LOCATION = "classpath:db/utfall-audit";
    /** Right after utfall-messaging's migrations; before the relay, consumers' effects and schedulers. */
    public static final int PRIORITY = LibraryMigrations.PRIORITY + 1;
    private static final Logger LOG = Logger.getLogger(AuditMigrations.class);

    private final DataSource dataSource;
    private final List<String> locations;
    private final boolean enabled;
    private volatile boolean done;

    public AuditMigrations(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.locations = config.migration().locations();
        this.enabled = config.migration().enabled();
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        if (enabled) {
            int applied = migrate(dataSource, locations);
            LOG.infof("Audit schema (%s): %d migration(s) applied", HISTORY_TABLE, applied);
        }
        done = true;
    }

    public boolean isDone() {
        return done;
    }

    /** Applies pending audit migrations; a schema that already holds a service's tables is fine. */
    public static int migrate(DataSource dataSource, List<String> locations) {
        return LibraryMigrations.migrate(dataSource, locations, HISTORY_TABLE);
    }

    /** Not ready before the audit table exists: no request may record an entry before. */
    @Readiness
    @ApplicationScoped
    public static class Migrated implements HealthCheck {
        private final AuditMigrations migrations;

        public Migrated(AuditMigrations migrations) {
            this.migrations = migrations;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("Audit schema migrated").status(migrations.isDone()).build();
        }
    }
}
