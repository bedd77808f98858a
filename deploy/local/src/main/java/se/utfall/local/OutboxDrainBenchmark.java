package se.utfall.local;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.ds.PGSimpleDataSource;
import se.utfall.messaging.LibraryMigrations;
import se.utfall.messaging.outbox.OutboxConfig;
import se.utfall.messaging.outbox.OutboxRelay;
import se.utfall.testing.Kafka;
import se.utfall.testing.Postgres;
import se.utfall.testing.TcpProxy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Catch-up after a Kafka outage, measured: a backlog of events over many aggregates piles up while the broker is
 * away (the relay running and failing, as in production), then the broker comes back and the drain is timed until
 * the outbox is empty. Afterwards the topic is read back: every event once, each aggregate in order.
 *
 * <p>Embedded PostgreSQL (durable commits) and embedded Kafka, one process. Arguments: events (100000),
 * aggregates (100), payload bytes (600).
 */
public final class OutboxDrainBenchmark {
    private static final String TOPIC = "utfall.drainbench.v1";

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int aggregates = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int payloadBytes = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        System.out.printf("Outbox drain benchmark: %,d events over %d aggregates, ~%d-byte payloads%n", events,
                aggregates, payloadBytes);
        try (Postgres pg = Postgres.startOrConnect(0); Kafka kafka = Kafka.startOrConnect(0)) {
            String db = "drainbench_" + System.currentTimeMillis();
            pg.ensureDatabase(db);
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(pg.jdbcUrl(db));
            ds.setUser(pg.user());
            ds.setPassword(pg.password());
            LibraryMigrations.migrate(ds, List.of(LibraryMigrations.LOCATION));
            kafka.createTopics(List.of(TOPIC));

            OutboxRelay relay = new OutboxRelay(config(), ds, pg.jdbcUrl(db), Optional.of(pg.user()),
                    Optional.of(pg.password()), kafka.bootstrapServers(), new SimpleMeterRegistry());
            boolean cut = kafka.isEmbedded();
            if (cut) {
                TcpProxy.setCut(true);
            }
            relay.start();
            long fillStart = System.nanoTime();
            List<String> ids = fill(ds, events, aggregates, payloadBytes);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf("Filled %,d rows in %.1f s while Kafka was %s%n", events, fillSeconds,
                    cut ? "cut off (relay running and failing)" : "reachable (external broker: not cut)");

            long start = System.nanoTime();
            if (cut) {
                TcpProxy.setCut(false);
            }
            long lastReport = start;
            boolean explained = !Boolean.getBoolean("utfall.bench.explain");
            // Polled cheaply (is any row unsent?) so the benchmark does not compete with the relay; counted
            // only for the progress line every 5 s.
            while (anyPending(ds)) {
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    long pending = pending(ds);
                    System.out.printf("  %,d pending after %.0f s%n", pending, (System.nanoTime() - start) / 1e9);
                    lastReport = System.nanoTime();
                    if (!explained && pending < events / 2) {
                        explain(ds, ids);
                        explained = true;
                    }
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            relay.stop();
            System.out.printf("Drained %,d events in %.1f s: %,.0f events/s%n", events, seconds, events / seconds);
            verify(kafka.bootstrapServers(), ids, events / aggregates);
        }
        System.exit(0);
    }

    private static OutboxConfig config() {
        return new OutboxConfig() {
            public String source() { return "/utfall/drain-benchmark"; }
            public boolean relayEnabled() { return true; }
            public int batchSize() { return Integer.getInteger("utfall.outbox.batch-size", 1000); }
            public Duration pollInterval() { return Duration.ofSeconds(10); }
            public Duration initialBackoff() { return Duration.ofMillis(500); }
            public Duration maxBackoff() { return Duration.ofSeconds(2); }
            public boolean validatePayloads() { return false; }
            public int maxPayloadBytes() { return 900_000; }
            public int unknownTopicAttempts() { return 5; }
            public Duration retention() { return Duration.ofDays(7); }
            public Duration stallTimeout() { return Duration.ofMinutes(2); }
            public Duration housekeepingInterval() { return Duration.ofSeconds(10); }
            public Map<String, String> producer() { return Map.of(); }
        };
    }

    /** Interleaved appends, as concurrent requests would make them; committed in batches of 1,000. */
    private static List<String> fill(DataSource ds, int events, int aggregates, int payloadBytes)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            ids.add(UUID.randomUUID().toString());
        }
        String padding = "x".repeat(Math.max(0, payloadBytes - 60));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, source, subject, occurred_at,"
                        + " payload) VALUES (?, ?, ?, 'se.utfall.bench.happened.v1', '/utfall/drain-benchmark', ?,"
                        + " now(), ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < events; i++) {
                String id = ids.get(i % aggregates);
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, TOPIC);
                ps.setString(3, id);
                ps.setString(4, "bench/" + id);
                ps.setString(5, "{\"n\": " + (i / aggregates) + ", \"padding\": \"" + padding + "\"}");
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return ids;
    }

    /** The relay's claim, explained half-way through the drain (-Dutfall.bench.explain=true). */
    private static void explain(DataSource ds, List<String> ids) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS)"
                    + " SELECT a.aggregate, u.id FROM unnest(?::text[]) AS a(aggregate) CROSS JOIN LATERAL"
                    + " (SELECT id FROM outbox_event WHERE aggregate_id = a.aggregate AND sent_at IS NULL"
                    + " ORDER BY id LIMIT 7) u")) {
                ps.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String line = rs.getString(1);
                        if (!line.contains("{")) {
                            System.out.println("  plan: " + line);
                        }
                    }
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT relname, n_live_tup, n_dead_tup,"
                    + " last_autovacuum FROM pg_stat_user_tables WHERE relname = 'outbox_event'")) {
                while (rs.next()) {
                    System.out.println("  stats: live " + rs.getLong(2) + " dead " + rs.getLong(3) + " autovacuum "
                            + rs.getString(4));
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT id, payload"
                    + " FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at IS NULL"
                    + " ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED")) {
                while (rs.next()) {
                    System.out.println("  plan: " + rs.getString(1));
                }
            }
            c.rollback();
        }
    }

    private static boolean anyPending(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT EXISTS (SELECT 1 FROM outbox_event WHERE sent_at IS NULL)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long pending(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads the topic back: each event once, each aggregate's sequence 0, 1, 2, ... without gaps. */
    private static void verify(String bootstrap, List<String> ids, int perAggregate) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", "5000");
        Set<String> seenIds = new HashSet<>();
        Map<String, Integer> next = new HashMap<>();
        int duplicates = 0;
        int outOfOrder = 0;
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    read++;
                    String eventId = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                    if (!seenIds.add(eventId)) {
                        duplicates++;
                        continue;
                    }
                    String body = new String(r.value(), StandardCharsets.UTF_8);
                    int n = Integer.parseInt(body.substring(body.indexOf(':') + 1, body.indexOf(',')).trim());
                    int expected = next.getOrDefault(r.key(), 0);
                    if (n != expected) {
                        outOfOrder++;
                    }
                    next.put(r.key(), n + 1);
                }
            }
        }
        boolean complete = ids.stream().allMatch(id -> next.getOrDefault(id, 0) == perAggregate);
        System.out.printf("Verified from the topic: %,d records, %,d distinct events, %d duplicates, %d out of order,"
                + " every aggregate complete: %s%n", read, seenIds.size(), duplicates, outOfOrder, complete);
    }
}
