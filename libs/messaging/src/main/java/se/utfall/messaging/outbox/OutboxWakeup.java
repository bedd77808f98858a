package se.utfall.messaging.outbox;

import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Wakes the relay when a transaction that wrote events commits ({@code LISTEN utfall_outbox}; the insert trigger
 * notifies, and PostgreSQL delivers on commit only). Without the connection it simply waits out the timeout, so
 * the relay falls back to polling.
 */
final class OutboxWakeup implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxWakeup.class);
    private static final String CHANNEL = "utfall_outbox";

    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private Connection connection;
    private volatile boolean listening;

    OutboxWakeup(String jdbcUrl, Optional<String> user, Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    boolean isListening() {
        return listening;
    }

    /** Returns when a commit was notified or {@code timeoutMillis} passed. */
    void await(long timeoutMillis) throws InterruptedException {
        if (timeoutMillis <= 0) {
            return;
        }
        try {
            if (connection == null || connection.isClosed()) {
                // The driver directly, not DriverManager: application class loaders may hide it from the latter.
                Properties props = new Properties();
                user.ifPresent(u -> props.setProperty("user", u));
                password.ifPresent(p -> props.setProperty("password", p));
                connection = new Driver().connect(jdbcUrl, props);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                LOG.debug("Outbox relay listening for commits");
            }
            connection.unwrap(PGConnection.class).getNotifications((int) Math.min(timeoutMillis, Integer.MAX_VALUE));
        } catch (SQLException e) {
            if (listening) {
                LOG.warnf("Lost the LISTEN connection (%s); polling until it is back", e.getMessage());
            }
            listening = false;
            close();
            Thread.sleep(Math.min(timeoutMillis, 1_000));
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection is best effort
            }
            connection = null;
        }
    }
}
