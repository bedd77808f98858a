package se.utfall.messaging.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Forgets consumed event ids after {@code utfall.inbox.retention} (default 30 days, longer than any topic's
 * retention), hourly, on a worker thread. Without it the inbox table grows forever.
 */
@ApplicationScoped
public class InboxRetention {
    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final DataSource dataSource;
    private final InboxConfig config;
    private final Vertx vertx;
    private long timer = -1;

    public InboxRetention(DataSource dataSource, InboxConfig config, Vertx vertx) {
        this.dataSource = dataSource;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), Duration.ofHours(1).toMillis(),
                id -> vertx.executeBlocking(() -> purge(), false));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes ids older than the retention; returns how many. */
    public int purge() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM inbox_event WHERE received_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, config.retention().toSeconds());
            int deleted = ps.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Forgot %d consumed event ids older than %s", deleted, config.retention());
            }
            return deleted;
        } catch (SQLException e) {
            LOG.warnf("Inbox retention purge failed (%s); next try in an hour", e.getMessage());
            return 0;
        }
    }
}
