package se.utfall.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL: an embedded one (zonky, PostgreSQL 17) or an external server named by environment variables
 * {@code UTFALL_PG_URL} (a JDBC URL without database, e.g. {@code jdbc:postgresql://db:5432/}),
 * {@code UTFALL_PG_USER} and {@code UTFALL_PG_PASSWORD}.
 */
public final class Postgres implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private TcpProxy proxy;
    private int proxyPort;

    private Postgres(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static Postgres startOrConnect(int port) {
        String external = System.getenv("UTFALL_PG_URL");
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external.replaceFirst("^jdbc:", ""));
            return new Postgres(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                    env("UTFALL_PG_USER", "postgres"), env("UTFALL_PG_PASSWORD", "postgres"));
        }
        try {
            // Durable commits as in production: the embedded server starts with fsync off (postgres -F) and
            // synchronous_commit off unless told otherwise, so both are set here; tests, the local stack and the
            // benchmark all see what a durable commit really costs. For a throwaway stack,
            // -Dutfall.pg.fsync=off and -Dutfall.pg.synchronous-commit=off trade durability for speed.
            // Listens on loopback only unless -Dutfall.pg.listen=* (a LAN demo).
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setCleanDataDirectory(true)
                    .setServerConfig("fsync", System.getProperty("utfall.pg.fsync", "on"))
                    .setServerConfig("synchronous_commit", System.getProperty("utfall.pg.synchronous-commit", "on"))
                    .setServerConfig("listen_addresses", System.getProperty("utfall.pg.listen", "localhost"));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new Postgres(pg, "localhost", pg.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Creates the database unless it exists. */
    public Postgres ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return this;
                }
            }
            st.execute("CREATE DATABASE " + name);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * The reactive URL through a proxy that tests can cut ({@link TcpProxy#POSTGRES_SWITCH}), so a service sees its
     * database go away and come back. Only for the embedded server; an external one is reached directly.
     */
    public synchronized String proxiedReactiveUrl(String database) {
        if (embedded == null) {
            return reactiveUrl(database);
        }
        if (proxy == null) {
            ServerSocket front = TcpProxy.bind(0);
            proxyPort = front.getLocalPort();
            proxy = TcpProxy.start(front, "localhost", port, TcpProxy.POSTGRES_SWITCH);
        }
        return "postgresql://" + host + ":" + proxyPort + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }
}
