package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import se.utfall.events.CloudEvent;
import se.utfall.events.Topics;
import se.utfall.messaging.inbox.Inbox;
import se.utfall.messaging.inbox.PoisonEventException;
import se.utfall.web.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the need index from scratch: wipes it (and the inbox's memory of the feed's events) and reads both
 * topics from their first record to the end as of the start, every partition, through the same feed and inbox
 * as the live consumers. It does not depend on which partitions this replica consumes, so one call on any
 * replica rebuilds the index all replicas share. The live consumers go on meanwhile; an event both apply is
 * applied once (inbox) and an older version never overwrites a newer one. Records the live consumers had
 * committed are not announced again (their needs were announced when published); later ones are, once per pair.
 */
@ApplicationScoped
public class IndexRebuild {
    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.CHALLENGES, Topics.RFIS);
    /** A rebuild that reads nothing for this long gives up (FAILED) rather than hold the next one off. */
    private static final Duration STALL = Duration.ofMinutes(2);
    /** The advisory lock that makes a rebuild one at a time across replicas ("need" in ASCII). */
    private static final long LOCK_KEY = 0x6e656564L;

    /** Where a rebuild stands. */
    public record Status(String state, Instant startedAt, Instant finishedAt, long records, long skipped,
            String error) {
        static final Status IDLE = new Status("IDLE", null, null, 0, 0, null);
    }

    private final Inbox inbox;
    private final NeedLearning feed;
    private final Pool pool;
    private final ProfileIndex index;
    private final Config config;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "need-index-rebuild");
        t.setDaemon(true);
        return t;
    });

    public IndexRebuild(Inbox inbox, NeedLearning feed, ProfileIndex index, Pool pool, Config config) {
        this.inbox = inbox;
        this.pool = pool;
        this.index = index;
        this.feed = feed;
        this.config = config;
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; 409 while one runs. */
    public Status start() {
        Status running = new Status("RUNNING", Instant.now(), null, 0, 0, null);
        Status previous = status.get();
        if ("RUNNING".equals(previous.state()) || !status.compareAndSet(previous, running)) {
            throw RuleViolation.conflict("A rebuild of the need index is running already");
        }
        worker.execute(this::run);
        return running;
    }

    private void run() {
        Instant started = status.get().startedAt();
        long records = 0;
        long skipped = 0;
        SqlConnection lock = null;
        try {
            // One rebuild at a time across all replicas: a session lock held on a connection of its own.
            lock = pool.getConnection().await().atMost(Duration.ofSeconds(30));
            boolean mine = lock.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LOCK_KEY))
                    .await().atMost(Duration.ofSeconds(30)).iterator().next().getBoolean(0);
            if (!mine) {
                throw new IllegalStateException("another replica is rebuilding the need index");
            }
            wipe();
            index.forgetRankings();
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties(),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : TOPICS) {
                    consumer.partitionsFor(topic, Duration.ofSeconds(30))
                            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> live = liveOffsets(partitions);
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
                Instant progress = Instant.now();
                while (!done(consumer, end)) {
                    if (Duration.between(progress, Instant.now()).compareTo(STALL) > 0) {
                        throw new IllegalStateException("no progress for " + STALL.toSeconds() + " s (broker away?)");
                    }
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        progress = Instant.now();
                        if (r.offset() >= end.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
                            continue;
                        }
                        records++;
                        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                        if (!apply(r, r.offset() >= live.getOrDefault(tp, 0L))) {
                            skipped++;
                        }
                        status.set(new Status("RUNNING", started, null, records, skipped, null));
                    }
                }
            }
            index.forgetRankings();
            status.set(new Status("DONE", started, Instant.now(), records, skipped, null));
            LOG.infof("Need index rebuilt from %d records (%d skipped as unreadable)", records, skipped);
        } catch (RuntimeException e) {
            LOG.errorf("Need index rebuild failed after %d records: %s", records, e.toString());
            status.set(new Status("FAILED", started, Instant.now(), records, skipped, e.getMessage()));
        } finally {
            if (lock != null) {
                // Closing the connection ends its session, and with it the lock, whatever happened.
                lock.close().await().atMost(Duration.ofSeconds(10));
            }
        }
    }

    /**
     * Where the live consumers have committed, per partition. Records before it were applied and announced by
     * them; the rebuild applies those silently, and the rest (which they may not have read yet) as they would.
     */
    private Map<TopicPartition, Long> liveOffsets(List<TopicPartition> partitions) {
        String group = config.getOptionalValue("mp.messaging.incoming.challenges.group.id", String.class)
                .orElse("matching-service");
        Map<TopicPartition, Long> end = new HashMap<>();
        try (Admin admin = Admin.create(properties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            for (TopicPartition p : partitions) {
                OffsetAndMetadata o = committed.get(p);
                end.put(p, o == null ? 0L : o.offset());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the consumers' offsets: " + e.getMessage(), e);
        }
        return end;
    }

    private static boolean done(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies one record as the live consumer would; false for one no retry can fix (it was dead-lettered).
     * {@code announce}: whether the live consumers may not have applied it yet (then its need is announced as they
     * would; announcing is once per pair in any case).
     */
    private boolean apply(ConsumerRecord<String, byte[]> r, boolean announce) {
        String consumer = Topics.CHALLENGES.equals(r.topic()) ? NeedLearning.CHALLENGE_CONSUMER
                : NeedLearning.RFI_CONSUMER;
        try {
            VertxContextSupport.subscribeAndAwait(() -> inbox.handle(consumer, r, e -> feed.apply(e, announce)));
            return true;
        } catch (Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof CloudEvent.InvalidEventException || t instanceof PoisonEventException) {
                    return false;
                }
            }
            throw new IllegalStateException("record " + r.topic() + "-" + r.partition() + "@" + r.offset()
                    + " could not be applied: " + e.getMessage(), e);
        }
    }

    private void wipe() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("DELETE FROM need_buyer").executeUpdate()
                            .chain(() -> s.createNativeQuery("DELETE FROM need").executeUpdate())
                            .chain(() -> s.createNativeQuery("DELETE FROM inbox_event WHERE consumer IN"
                                    + " (:challenges, :rfis)").setParameter("challenges",
                                            NeedLearning.CHALLENGE_CONSUMER)
                                    .setParameter("rfis", NeedLearning.RFI_CONSUMER).executeUpdate()))));
        } catch (Throwable e) {
            throw new IllegalStateException("could not wipe the need index: " + e.getMessage(), e);
        }
    }

    /** The service's own Kafka client settings ({@code kafka.*}: servers, security), with no group. */
    private Properties properties() {
        Properties p = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") && !name.startsWith("kafka.group")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> p.put(name.substring(6), v));
            }
        }
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        p.remove("group.id");
        return p;
    }
}
