package se.utfall.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import se.utfall.messaging.LibraryMigrations;
import se.utfall.messaging.outbox.OutboxStore.OutboxRow;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, in order per aggregate, and marks them sent only after the broker
 * acknowledged them.
 *
 * <p>One dedicated thread per process with plain JDBC ({@link OutboxStore}): the work is sequential and blocking
 * (wait for acks), and keeping it off the event loop keeps request latency independent of Kafka's health. Several
 * replicas may run it at once. Failures are isolated per aggregate: a row that can never be sent (too large,
 * invalid, its topic missing for {@code unknown-topic-attempts} rounds) is <em>parked</em> with its reason and its
 * aggregate waits behind it; an aggregate whose send failed transiently backs off alone; only when the broker as a
 * whole is away does the relay itself wait. Woken by {@link OutboxWakeup}, with a slow fallback poll.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final OutboxStore store;
    private final OutboxWakeup wakeup;
    private final String bootstrapServers;
    private final Counter published;
    private final Counter failures;
    private final Counter parkedTotal;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Instant lastRound = Instant.now();
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile boolean brokerReachable = true;
    private KafkaProducer<String, byte[]> producer;
    private BrokerProbe probe;
    /** Claims start at this id (see {@code OutboxStore.Round#claim}); reset to 0 every 2 s and when idle. */
    private long claimFloor;
    private Instant floorResetAt = Instant.EPOCH;
    /** When expired back-offs (of this or another replica) are next released. */
    private Instant releaseDue = Instant.EPOCH;

    public OutboxRelay(OutboxConfig config, DataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> dbUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> dbPassword,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            MeterRegistry registry) {
        this.config = config;
        this.store = new OutboxStore(dataSource);
        this.wakeup = new OutboxWakeup(jdbcUrl, dbUser, dbPassword);
        this.bootstrapServers = bootstrapServers;
        this.published = registry.counter("utfall.outbox.published");
        this.failures = registry.counter("utfall.outbox.failures");
        this.parkedTotal = registry.counter("utfall.outbox.parked.events");
        registry.gauge("utfall.outbox.pending", pending);
        registry.gauge("utfall.outbox.parked", parked);
    }

    void onStart(@Observes @Priority(LibraryMigrations.PRIORITY + 10) StartupEvent event) {
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
        producer = newProducer();
        probe = new BrokerProbe(config.producer(), bootstrapServers);
        running = true;
        lastRound = Instant.now();
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
        if (probe != null) {
            probe.close();
        }
        wakeup.close();
    }

    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** When the relay last finished a round, successful or not. */
    public Instant lastRound() {
        return lastRound;
    }

    /** Null while the last round succeeded; otherwise why it did not. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** False while the last round could reach no broker at all. */
    public boolean isBrokerReachable() {
        return brokerReachable;
    }

    /** True while woken by NOTIFY on commit; false while falling back to polling. */
    public boolean isListening() {
        return wakeup.isListening();
    }

    public long pending() {
        return pending.get();
    }

    public long parked() {
        return parked.get();
    }

    private KafkaProducer<String, byte[]> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replaceAll("[^A-Za-z0-9-]", ""));
        p.putAll(config.producer());
        // Order and durability depend on these: configuration cannot weaken them.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private void loop() {
        long backoff = config.initialBackoff().toMillis();
        Instant nextHousekeeping = Instant.EPOCH;
        Instant nextPurge = Instant.EPOCH;
        while (running) {
            try {
                if (Instant.now().isAfter(nextHousekeeping)) {
                    refreshGauges();
                    nextHousekeeping = Instant.now().plus(config.housekeepingInterval());
                }
                if (Instant.now().isAfter(nextPurge)) {
                    purgePublished();
                    nextPurge = Instant.now().plus(Duration.ofHours(1));
                }
                RoundResult result = relayOnce();
                lastRound = Instant.now();
                if (result.brokerAway()) {
                    brokerReachable = false;
                    LOG.warnf("Outbox relay: no broker reachable (%s); retrying in %d ms", lastError, backoff);
                    refreshGauges();
                    wakeup.await(backoff);
                    backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                    continue;
                }
                brokerReachable = true;
                backoff = config.initialBackoff().toMillis();
                if (result.blocked()) {
                    // Everything claimed waits behind rows another replica is sending right now.
                    wakeup.await(100);
                } else if (result.claimed() == 0) {
                    // Caught up: wait for the next commit, or until the earliest back-off expires.
                    long wait = config.pollInterval().toMillis();
                    Optional<Instant> retry = store.earliestRetry();
                    if (retry.isPresent()) {
                        wait = Math.max(20, Math.min(wait, Duration.between(Instant.now(), retry.get()).toMillis()));
                    }
                    wakeup.await(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // SQL trouble, a bug, even an Error: log, wait, go on. The thread must not die silently.
                failures.increment();
                lastFailure = Instant.now();
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastRound = Instant.now();
                if (e instanceof Error) {
                    LOG.errorf(e, "Outbox relay round failed with an error; retrying in %d ms", backoff);
                } else {
                    LOG.warnf("Outbox relay round failed (%s); retrying in %d ms", lastError, backoff);
                }
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

    /**
     * What a round did: rows claimed (sendable or not), rows sent, whether the broker as a whole was away, and
     * whether some claimed rows had to wait for another replica.
     */
    record RoundResult(int claimed, int sent, boolean brokerAway, boolean blocked) {
    }

    /**
     * One round: claim, send each aggregate's run in order, then commit what the broker acknowledged before
     * deciding anything about the failures (so a failure never rolls back an acknowledged send).
     */
    RoundResult relayOnce() throws SQLException, InterruptedException {
        try (OutboxStore.Round round = store.begin()) {
            if (!Instant.now().isBefore(releaseDue)) {
                // Only when a back-off may have expired: a scan per round would cost more than the round.
                round.releaseExpired();
                claimFloor = 0;
                releaseDue = store.earliestRetry().orElse(Instant.now().plus(config.housekeepingInterval()));
            }
            if (Instant.now().isAfter(floorResetAt)) {
                // Now and then from the start: rows below the floor may have become ready again (a back-off
                // released, an operator's retry, rows another replica left unsent).
                claimFloor = 0;
                floorResetAt = Instant.now().plusSeconds(2);
            }
            Map<String, List<OutboxRow>> runs = round.claim(config.batchSize(), claimFloor);
            int claimed = round.claimed;
            claimFloor = claimed == 0 ? 0 : round.lowestClaimed;
            if (runs.isEmpty()) {
                round.commit();
                return new RoundResult(claimed, 0, false, claimed > 0);
            }
            Map<String, Failure> topicState = new HashMap<>();
            List<Sending> sendings = new ArrayList<>(runs.size());
            for (List<OutboxRow> run : runs.values()) {
                sendings.add(send(run, topicState));
            }
            List<Long> sent = new ArrayList<>();
            List<Sending> failed = new ArrayList<>();
            for (Sending s : sendings) {
                s.settle();
                sent.addAll(s.acked);
                if (s.failure != null) {
                    failed.add(s);
                }
            }
            failed.stream().map(s -> s.failure).filter(RelayFailures::isFatal).findFirst()
                    .ifPresent(this::rebuildProducerIfFatal);
            round.markSent(sent);
            round.commit();
            published.increment(sent.size());

            boolean brokerAway = sent.isEmpty() && !failed.isEmpty()
                    && failed.stream().allMatch(s -> s.kind == Failure.TRANSIENT) && !probe.clusterReachable();
            if (brokerAway) {
                round.noteFailure(failed.stream().map(s -> s.failedRow.id()).toList(), failed.get(0).reason());
            } else {
                for (Sending s : failed) {
                    OutboxRow head = s.failedRow;
                    if (s.kind == Failure.PERMANENT || s.kind == Failure.UNKNOWN_TOPIC
                            && head.attempts() + 1 >= config.unknownTopicAttempts()) {
                        round.park(head, s.reason());
                        parkedTotal.increment();
                        LOG.errorf("Outbox: parked event %s (%s of aggregate %s): %s. Its aggregate waits;"
                                + " see docs/operations.md to retry or skip it.", head.eventId(), head.type(),
                                head.aggregateId(), s.reason());
                    } else {
                        Duration delay = backoffFor(head.attempts());
                        round.backOff(head, s.reason(), delay);
                        Instant until = Instant.now().plus(delay);
                        if (until.isBefore(releaseDue)) {
                            releaseDue = until;
                        }
                        LOG.warnf("Outbox: aggregate %s backs off after %s", head.aggregateId(), s.reason());
                    }
                }
            }
            if (!failed.isEmpty()) {
                round.commit();
                failures.increment(failed.size());
                lastError = failed.get(0).reason();
                lastFailure = Instant.now();
            } else {
                lastError = null;
            }
            if (failed.stream().anyMatch(s -> s.kind != Failure.TRANSIENT)) {
                refreshGauges();
            }
            return new RoundResult(claimed, sent.size(), brokerAway, false);
        }
    }

    private Duration backoffFor(int attempts) {
        long millis = config.initialBackoff().toMillis() << Math.min(attempts, 16);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    enum Failure { TRANSIENT, UNKNOWN_TOPIC, PERMANENT }

    /** One aggregate's run in flight: rows handed to the producer, and what became of them. */
    private final class Sending {
        final List<OutboxRow> rows;
        final List<Future<RecordMetadata>> acks = new ArrayList<>();
        final List<Long> acked = new ArrayList<>();
        /** The row the producer refused (or was not given) before sending, and why. */
        OutboxRow refusedRow;
        Throwable refusedCause;
        Failure refusedKind;
        OutboxRow failedRow;
        Failure kind;
        Throwable failure;

        Sending(List<OutboxRow> rows) {
            this.rows = rows;
        }

        String reason() {
            return kind == Failure.UNKNOWN_TOPIC ? "topic " + failedRow.topic() + " does not exist"
                    : RelayFailures.rootMessage(failure);
        }

        void refuse(OutboxRow row, Throwable cause, Failure why) {
            refusedRow = row;
            refusedCause = cause;
            refusedKind = why;
        }

        /**
         * Waits for the acks of every row handed to the producer, in order. The run stops at the first failed
         * ack (later rows stay unsent and are resent after it: order beats the rare duplicate, which consumers
         * drop by ce_id); if all were acknowledged, a refusal before sending is the failure.
         */
        void settle() throws InterruptedException {
            for (int i = 0; i < acks.size(); i++) {
                try {
                    acks.get(i).get(30, TimeUnit.SECONDS);
                    acked.add(rows.get(i).id());
                } catch (ExecutionException e) {
                    fail(rows.get(i), e.getCause() == null ? e : e.getCause(), null);
                    return;
                } catch (TimeoutException e) {
                    fail(rows.get(i), e, Failure.TRANSIENT);
                    return;
                }
            }
            if (refusedRow != null) {
                fail(refusedRow, refusedCause, refusedKind);
            }
        }

        private void fail(OutboxRow row, Throwable cause, Failure why) {
            failedRow = row;
            failure = cause;
            kind = why != null ? why : RelayFailures.classify(cause);
        }
    }

    /**
     * Hands a run to the producer. Whether each topic can be sent to is decided once per round ({@code topicState}),
     * so a missing or unreachable topic costs at most one wait per round, not one per aggregate.
     */
    private Sending send(List<OutboxRow> run, Map<String, Failure> topicState) {
        Sending s = new Sending(run);
        for (OutboxRow row : run) {
            Failure state = topicState.computeIfAbsent(row.topic(), t -> probe.topicState(t, producer));
            if (state != null) {
                s.refuse(row, new KafkaException(state == Failure.UNKNOWN_TOPIC
                        ? "topic " + row.topic() + " does not exist"
                        : "no metadata for topic " + row.topic() + " (broker unreachable)"), state);
                return s;
            }
            try {
                Future<RecordMetadata> ack = producer.send(RelayRecords.toRecord(row));
                if (ack.isDone()) {
                    Throwable now = RelayFailures.failedNow(ack);
                    if (now != null) {
                        // Refused before sending (e.g. too large): nothing later of this aggregate goes.
                        s.refuse(row, now, null);
                        return s;
                    }
                }
                s.acks.add(ack);
            } catch (KafkaException | IllegalStateException e) {
                s.refuse(row, e, null);
                rebuildProducerIfFatal(e);
                return s;
            }
        }
        return s;
    }

    /** A producer in a fatal state never recovers by itself: replace it. */
    private void rebuildProducerIfFatal(Throwable e) {
        if (RelayFailures.isFatal(e)) {
            LOG.warnf("Outbox relay: producer in a fatal state (%s); building a new one",
                    RelayFailures.rootMessage(e));
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // it is being replaced
            }
            producer = newProducer();
        }
    }

    private void refreshGauges() {
        try {
            long[] backlog = store.backlog();
            pending.set(backlog[0]);
            parked.set(backlog[1]);
        } catch (SQLException e) {
            LOG.debugf("Could not count the outbox backlog: %s", e.getMessage());
        }
    }

    /** Deletes rows published longer ago than the retention; unsent rows are never deleted. */
    int purgePublished() throws SQLException {
        int deleted = store.purgePublished(config.retention());
        if (deleted > 0) {
            LOG.infof("Purged %d published outbox rows older than %s", deleted, config.retention());
        }
        return deleted;
    }

}
