package se.utfall.messaging;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import se.utfall.testing.Postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library migration released after a service reached its V3 applies cleanly, and the service's own Flyway still
 * validates: the two keep separate histories.
 */
class LibraryMigrationsIT {
    private static Postgres postgres;

    @BeforeAll
    static void start() {
        postgres = Postgres.startOrConnect(0);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aLibraryMigrationAfterAServicesV3StartsCleanly() throws Exception {
        String db = "libmig_" + System.nanoTime();
        postgres.ensureDatabase(db);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.jdbcUrl(db));
        ds.setUser(postgres.user());
        ds.setPassword(postgres.password());
        Flyway service = Flyway.configure().dataSource(ds).locations("classpath:db/libtest/service").load();

        assertThat(service.migrate().migrationsExecuted).isEqualTo(3);
        assertThat(LibraryMigrations.migrate(ds, List.of(LibraryMigrations.LOCATION))).isEqualTo(1);

        // Next release of the library brings its V2; the service is at V3 and unchanged.
        assertThat(LibraryMigrations.migrate(ds, List.of(LibraryMigrations.LOCATION,
                "classpath:db/libtest/library-next"))).isEqualTo(1);
        service.validate();
        assertThat(service.migrate().migrationsExecuted).isZero();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'outbox_event'"
                        + " AND column_name = 'trace_parent'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
