package se.utfall.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import se.utfall.events.CloudEventHeaders;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes committed outbox rows to Kafka, in order per aggregate, and marks them sent only after the broker
 * acknowledged them.
 *
 * <p>Runs on one dedicated thread per process with plain JDBC: the work is inherently sequential and blocking
 * (wait for acks), and keeping it off the event loop keeps request latency independent of Kafka's health.
 * Several replicas may run the relay at once: each round locks only the <em>head</em> (oldest unsent row) of each
 * aggregate with {@code FOR UPDATE SKIP LOCKED}, so an aggregate is owned by at most one replica per round and its
 * later rows are never overtaken. Wakes on {@code NOTIFY utfall_outbox} (sent on commit by a trigger), with a slow
 * fallback poll, and backs off exponentially while Kafka is unreachable.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "utfall_outbox";

    private static final String LOCK_HEADS = """
            SELECT o.aggregate_id FROM outbox_event o
             WHERE o.sent_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox_event p
                                WHERE p.aggregate_id = o.aggregate_id AND p.sent_at IS NULL AND p.id < o.id)
             ORDER BY o.id
             LIMIT ?
               FOR UPDATE SKIP LOCKED""";
    private static final String ROWS_OF = """
            SELECT id, event_id, topic, aggregate_id, event_type, source, subject, occurred_at, payload
              FROM outbox_event
             WHERE sent_at IS NULL AND aggregate_id = ANY (?)
             ORDER BY id
             LIMIT ?""";

    private final OutboxConfig config;
    private final DataSource dataSource;
    private final String jdbcUrl;
    private final Optional<String> dbUser;
    private final Optional<String> dbPassword;
    private final String bootstrapServers;
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Instant lastFailure;
    private volatile boolean listening;
    /** Unsent rows as last seen by this relay: 0 when caught up, counted after a failed round. */
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private KafkaProducer<String, byte[]> producer;
    private Connection listenConnection;

    public OutboxRelay(OutboxConfig config, DataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry registry) {
        this.config = config;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.bootstrapServers = bootstrapServers;
        this.published = registry.counter("utfall.outbox.published");
        this.failures = registry.counter("utfall.outbox.failures");
        registry.gauge("utfall.outbox.pending", pending);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled in this process");
            return;
        }
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts relaying on a thread of its own. */
    public synchronized void start() {
        if (running) {
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the current round; unsent rows stay for the next start or another replica. */
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        closeListener();
    }

    /** Null while the last round succeeded; otherwise when and why Kafka last refused. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** True while woken by NOTIFY on commit; false while falling back to polling. */
    public boolean isListening() {
        return listening;
    }

    public Optional<Instant> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replaceAll("[^A-Za-z0-9-]", ""));
        p.putAll(config.producer());
        return p;
    }

    private void loop() {
        long backoff = config.initialBackoff().toMillis();
        Instant nextPurge = Instant.now();
        while (running) {
            try {
                if (Instant.now().isAfter(nextPurge)) {
                    purgePublished();
                    nextPurge = Instant.now().plus(Duration.ofHours(1));
                }
                int sent = relayOnce();
                backoff = config.initialBackoff().toMillis();
                if (sent < config.batchSize()) {
                    pending.set(0);
                }
                if (sent == 0) {
                    awaitSignal(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                lastFailure = Instant.now();
                lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warnf("Outbox relay round failed (%s); retrying in %d ms", lastError.get(), backoff);
                countPending();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** One round: lock the heads, send their aggregates' rows in order, mark the acknowledged prefix sent. */
    int relayOnce() throws SQLException, InterruptedException, RelayException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> aggregates = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(LOCK_HEADS)) {
                    ps.setInt(1, config.batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            aggregates.add(rs.getString(1));
                        }
                    }
                }
                if (aggregates.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(ROWS_OF)) {
                    ps.setArray(1, c.createArrayOf("text", aggregates.toArray()));
                    ps.setInt(2, config.batchSize());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(Row.from(rs));
                        }
                    }
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    Future<RecordMetadata> ack = producer.send(row.toRecord());
                    acks.add(ack);
                    if (ack.isDone() && failed(ack)) {
                        // Metadata unavailable: send() already waited max.block.ms; don't wait again per row.
                        break;
                    }
                }
                List<Long> sent = new ArrayList<>();
                Set<String> blocked = new HashSet<>();
                Exception firstFailure = null;
                for (int i = 0; i < acks.size(); i++) {
                    Row row = rows.get(i);
                    if (blocked.contains(row.aggregateId)) {
                        continue;
                    }
                    try {
                        acks.get(i).get(30, TimeUnit.SECONDS);
                        sent.add(row.id);
                    } catch (ExecutionException | TimeoutException e) {
                        // Later rows of this aggregate stay unsent even if acked, so the next round resends them
                        // after this one: order beats the rare duplicate, which consumers drop by ce_id.
                        blocked.add(row.aggregateId);
                        if (firstFailure == null) {
                            firstFailure = e;
                        }
                    }
                }
                if (!sent.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL"
                                    + " WHERE id = ANY (?)")) {
                        ps.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                        ps.executeUpdate();
                    }
                }
                if (firstFailure != null) {
                    String reason = rootMessage(firstFailure);
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ("
                                    + "SELECT min(id) FROM outbox_event WHERE sent_at IS NULL AND aggregate_id = ANY (?))")) {
                        ps.setString(1, reason);
                        ps.setArray(2, c.createArrayOf("text", blocked.toArray()));
                        ps.executeUpdate();
                    }
                }
                c.commit();
                published.increment(sent.size());
                if (firstFailure != null) {
                    throw new RelayException(rootMessage(firstFailure), firstFailure);
                }
                lastError.set(null);
                return sent.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void countPending() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                pending.set(rs.getLong(1));
            }
        } catch (SQLException e) {
            LOG.debugf("Could not count pending outbox rows: %s", e.getMessage());
        }
    }

    /** Deletes rows published longer ago than the retention; unsent rows are never deleted. */
    int purgePublished() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, config.retention().toSeconds());
            int deleted = ps.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Purged %d published outbox rows older than %s", deleted, config.retention());
            }
            return deleted;
        }
    }

    private static boolean failed(Future<?> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void awaitSignal(long timeoutMillis) throws InterruptedException {
        try {
            if (listenConnection == null || listenConnection.isClosed()) {
                // The driver directly, not DriverManager: application class loaders may hide it from the latter.
                Properties props = new Properties();
                dbUser.ifPresent(u -> props.setProperty("user", u));
                dbPassword.ifPresent(p -> props.setProperty("password", p));
                listenConnection = new org.postgresql.Driver().connect(jdbcUrl, props);
                try (Statement st = listenConnection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                LOG.debug("Outbox relay listening for commits");
            }
            listenConnection.unwrap(PGConnection.class).getNotifications((int) timeoutMillis);
        } catch (SQLException e) {
            if (listening) {
                LOG.warnf("Lost the LISTEN connection (%s); polling until it is back", e.getMessage());
            }
            listening = false;
            closeListener();
            Thread.sleep(Math.min(timeoutMillis, 1_000));
        }
    }

    private void closeListener() {
        if (listenConnection != null) {
            try {
                listenConnection.close();
            } catch (SQLException ignored) {
                // closing a broken connection is best effort
            }
            listenConnection = null;
        }
    }

    /** Kafka did not acknowledge part of a round. */
    static final class RelayException extends Exception {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Row(long id, String eventId, String topic, String aggregateId, String type, String source,
            String subject, OffsetDateTime occurredAt, String payload) {

        static Row from(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                    rs.getString("aggregate_id"), rs.getString("event_type"), rs.getString("source"),
                    rs.getString("subject"), rs.getObject("occurred_at", OffsetDateTime.class),
                    rs.getString("payload"));
        }

        ProducerRecord<String, byte[]> toRecord() {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, aggregateId,
                    payload.getBytes(StandardCharsets.UTF_8));
            header(record, CloudEventHeaders.ID, eventId);
            header(record, CloudEventHeaders.SOURCE, source);
            header(record, CloudEventHeaders.TYPE, type);
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt.toInstant()));
            if (subject != null) {
                header(record, CloudEventHeaders.SUBJECT, subject);
            }
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            return record;
        }

        private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
