package se.utfall.audit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import se.utfall.messaging.LibraryMigrations;
import se.utfall.testing.Postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit table comes with its own history, after a service's and the messaging library's; a service's earlier
 * trail is handed over once, ids kept, and new entries continue after them.
 */
class AuditMigrationsIT {
    private static Postgres postgres;

    @BeforeAll
    static void start() {
        postgres = Postgres.startOrConnect(0);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static PGSimpleDataSource database() {
        String db = "auditmig_" + System.nanoTime();
        postgres.ensureDatabase(db);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.jdbcUrl(db));
        ds.setUser(postgres.user());
        ds.setPassword(postgres.password());
        return ds;
    }

    @Test
    void aServicesEarlierTrailIsHandedOverWithItsIds() throws Exception {
        PGSimpleDataSource ds = database();
        Flyway service = Flyway.configure().dataSource(ds).locations("classpath:db/audittest/legacy").load();
        assertThat(service.migrate().migrationsExecuted).isEqualTo(2);
        assertThat(LibraryMigrations.migrate(ds, List.of(LibraryMigrations.LOCATION))).isEqualTo(1);
        assertThat(AuditMigrations.migrate(ds, List.of(AuditMigrations.LOCATION))).isEqualTo(1);

        assertThat(longs(ds, "SELECT id FROM audit_entry ORDER BY id")).containsExactly(1L, 2L, 11L);
        assertThat(longs(ds, "SELECT count(*) FROM audit_entry WHERE subject_type = 'thing'"
                + " AND changes LIKE '%\"amount\":560000.00%'")).containsExactly(1L);
        assertThat(longs(ds, "SELECT count(*) FROM pg_class WHERE relname = 'audit_entry_import'"))
                .as("the hand-over table is gone").containsExactly(0L);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_entry (subject_type, subject_id, at, actor, action)"
                    + " VALUES ('thing', '00000000-0000-0000-0000-0000000000a1', now(), 'u3', 'UPDATED')");
        }
        assertThat(longs(ds, "SELECT max(id) FROM audit_entry")).as("no sequence number repeats")
                .containsExactly(12L);
        // Each keeps its own history: the service still validates, nothing is pending anywhere.
        service.validate();
        assertThat(AuditMigrations.migrate(ds, List.of(AuditMigrations.LOCATION))).isZero();
        assertThat(longs(ds, "SELECT count(*) FROM utfall_audit_schema_history WHERE version = '1' AND success"))
                .containsExactly(1L);
    }

    @Test
    void aServiceWithoutAnEarlierTrailGetsAnEmptyTable() throws Exception {
        PGSimpleDataSource ds = database();
        assertThat(AuditMigrations.migrate(ds, List.of(AuditMigrations.LOCATION))).isEqualTo(1);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_entry (subject_type, subject_id, at, actor, action)"
                    + " VALUES ('rfi', gen_random_uuid(), now(), 'scheduler', 'OPENED')");
        }
        assertThat(longs(ds, "SELECT id FROM audit_entry")).containsExactly(1L);
    }

    private static List<Long> longs(PGSimpleDataSource ds, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
