package se.utfall.messaging.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The relay's SQL. A round claims the oldest ready rows ({@code FOR UPDATE SKIP LOCKED}, through an index that
 * holds only unsent, unparked rows, so its cost does not depend on the backlog), then keeps per aggregate only
 * the rows that are its oldest unsent ones, in an unbroken run: a row another replica holds, or an older row that
 * is parked or backing off, stops its aggregate for this round. That, with the advisory lock taken on append,
 * keeps each aggregate's events in order across replicas.
 */
final class OutboxStore {
    private static final String CLAIM = """
            SELECT id, event_id, topic, aggregate_id, event_type, source, subject, occurred_at, payload, attempts
              FROM outbox_event
             WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at IS NULL AND id >= ?
             ORDER BY id
             LIMIT ?
               FOR UPDATE SKIP LOCKED""";
    private static final String RELEASE_EXPIRED = """
            UPDATE outbox_event SET next_attempt_at = NULL
             WHERE id IN (SELECT id FROM outbox_event WHERE sent_at IS NULL AND next_attempt_at <= now()
                           FOR UPDATE SKIP LOCKED)""";
    /** Rows of an aggregate from a given id on, except those another replica holds right now. */
    private static final String OF_AGGREGATE_FROM = """
            SELECT id FROM outbox_event WHERE aggregate_id = ? AND sent_at IS NULL AND id >= ?
               FOR UPDATE SKIP LOCKED""";
    /**
     * Per aggregate, its first n unsent rows in order (n = rows claimed of it): one ordered index probe each,
     * which steps over the entries of rows sent meanwhile only once (a bitmap scan over all of an aggregate's
     * entries would revisit them every round until vacuum, and grow with the backlog).
     */
    private static final String UNSENT_OF = """
            SELECT a.aggregate, u.id, u.parked_at IS NOT NULL, u.next_attempt_at
              FROM unnest(?::text[], ?::int[]) AS a(aggregate, n)
             CROSS JOIN LATERAL (SELECT id, parked_at, next_attempt_at FROM outbox_event
                                  WHERE aggregate_id = a.aggregate AND sent_at IS NULL
                                  ORDER BY id LIMIT a.n) u
             ORDER BY a.aggregate, u.id""";

    private final DataSource dataSource;

    OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One round's transaction: claimed rows stay locked until {@link Round#close()}. */
    Round begin() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return new Round(c);
    }

    final class Round implements AutoCloseable {
        private final Connection c;
        private boolean done;

        private Round(Connection c) {
            this.c = c;
        }

        /** Rows claimed by the last {@link #claim}, sendable or not, and the lowest id among them. */
        int claimed;
        long lowestClaimed;

        /** Clears the back-offs that expired, so their rows are ready again. */
        void releaseExpired() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(RELEASE_EXPIRED)) {
                ps.executeUpdate();
            }
        }

        /**
         * The rows this round may send, grouped by aggregate, each group in order. {@code floor} skips the front of
         * the index that earlier rounds emptied (its entries stay until vacuum and would be stepped over again);
         * it only narrows the claim, never the head check, so a row below it can delay its aggregate but never be
         * overtaken.
         */
        Map<String, List<OutboxRow>> claim(int limit, long floor) throws SQLException {
            List<OutboxRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setLong(1, floor);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(OutboxRow.from(rs));
                    }
                }
            }
            claimed = rows.size();
            if (rows.isEmpty()) {
                return Map.of();
            }
            lowestClaimed = rows.get(0).id();
            Map<String, List<OutboxRow>> mine = new LinkedHashMap<>();
            for (OutboxRow r : rows) {
                mine.computeIfAbsent(r.aggregateId(), k -> new ArrayList<>()).add(r);
            }
            Map<String, List<Long>> unsent = new HashMap<>();
            Map<String, Boolean> headParked = new HashMap<>();
            Map<String, Timestamp> headRetry = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(UNSENT_OF)) {
                ps.setArray(1, c.createArrayOf("text", mine.keySet().toArray()));
                ps.setArray(2, c.createArrayOf("int4", mine.values().stream().map(List::size).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String aggregate = rs.getString(1);
                        if (!unsent.containsKey(aggregate)) {
                            headParked.put(aggregate, rs.getBoolean(3));
                            headRetry.put(aggregate, rs.getTimestamp(4));
                        }
                        unsent.computeIfAbsent(aggregate, k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            Map<String, List<OutboxRow>> sendable = new LinkedHashMap<>();
            List<Long> behindParked = new ArrayList<>();
            mine.forEach((aggregate, claimed) -> {
                List<Long> all = unsent.getOrDefault(aggregate, List.of());
                List<OutboxRow> run = new ArrayList<>();
                for (int i = 0; i < claimed.size() && i < all.size() && all.get(i) == claimed.get(i).id(); i++) {
                    run.add(claimed.get(i));
                }
                if (!run.isEmpty()) {
                    sendable.put(aggregate, run);
                } else if (Boolean.TRUE.equals(headParked.get(aggregate))) {
                    // Arrived while its head was being parked: hold it too, out of the ready index.
                    claimed.forEach(r -> behindParked.add(r.id()));
                } else if (headRetry.get(aggregate) != null) {
                    hold(claimed, headRetry.get(aggregate));
                }
            });
            if (!behindParked.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET parked_at = now(),"
                        + " last_error = 'waiting behind a parked event of this aggregate' WHERE id = ANY (?)")) {
                    ps.setArray(1, longs(behindParked));
                    ps.executeUpdate();
                }
            }
            return sendable;
        }

        /** Rows that arrived while their aggregate began a back-off wait with it. */
        private void hold(List<OutboxRow> rows, Timestamp until) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox_event SET next_attempt_at = ? WHERE id = ANY (?)")) {
                ps.setTimestamp(1, until);
                ps.setArray(2, longs(rows.stream().map(OutboxRow::id).toList()));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void markSent(Collection<Long> ids) throws SQLException {
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET sent_at = now(),"
                    + " attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL WHERE id = ANY (?)")) {
                ps.setArray(1, longs(ids));
                ps.executeUpdate();
            }
        }

        /**
         * Parks the row and holds the later rows of its aggregate behind it. Rows another replica holds right now
         * are left alone (no waiting, no deadlock): the head check keeps them from overtaking, and the insert
         * trigger holds rows that arrive later.
         */
        void park(OutboxRow head, String reason) throws SQLException {
            done = false;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET parked_at = now(),"
                    + " attempts = attempts + CASE WHEN id = ? THEN 1 ELSE 0 END,"
                    + " last_error = CASE WHEN id = ? THEN ? ELSE 'waiting behind parked event ' || ? END"
                    + " WHERE id IN (" + OF_AGGREGATE_FROM + ")")) {
                ps.setLong(1, head.id());
                ps.setLong(2, head.id());
                ps.setString(3, reason);
                ps.setString(4, head.eventId());
                ps.setString(5, head.aggregateId());
                ps.setLong(6, head.id());
                ps.executeUpdate();
            }
        }

        /** This aggregate alone waits {@code delay}; the others keep flowing. */
        void backOff(OutboxRow head, String reason, Duration delay) throws SQLException {
            done = false;
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox_event SET next_attempt_at = ?,"
                    + " attempts = attempts + CASE WHEN id = ? THEN 1 ELSE 0 END,"
                    + " last_error = CASE WHEN id = ? THEN ? ELSE last_error END"
                    + " WHERE id IN (" + OF_AGGREGATE_FROM + ")")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().plus(delay)));
                ps.setLong(2, head.id());
                ps.setLong(3, head.id());
                ps.setString(4, reason);
                ps.setString(5, head.aggregateId());
                ps.setLong(6, head.id());
                ps.executeUpdate();
            }
        }

        /**
         * The broker as a whole is away: note why on the heads, count no attempt (the outage is not the rows'
         * fault) and hold nothing; the relay itself waits.
         */
        void noteFailure(Collection<Long> heads, String reason) throws SQLException {
            done = false;
            if (heads.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox_event SET last_error = ? WHERE id = ANY (?)")) {
                ps.setString(1, reason);
                ps.setArray(2, longs(heads));
                ps.executeUpdate();
            }
        }

        void commit() throws SQLException {
            c.commit();
            done = true;
        }

        private Array longs(Collection<Long> ids) throws SQLException {
            return c.createArrayOf("bigint", ids.toArray());
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!done) {
                    c.rollback();
                }
            } finally {
                c.close();
            }
        }
    }

    /** When the earliest back-off of any aggregate expires, if any does. */
    Optional<Instant> earliestRetry() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT min(next_attempt_at) FROM outbox_event"
                        + " WHERE sent_at IS NULL AND next_attempt_at IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return Optional.ofNullable(t).map(Timestamp::toInstant);
        }
    }

    /** Unsent rows, and how many of them are parked. */
    long[] backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*),"
                        + " count(*) FILTER (WHERE parked_at IS NOT NULL) FROM outbox_event WHERE sent_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Deletes rows published longer ago than {@code retention}; unsent rows are never deleted. */
    int purgePublished(Duration retention) throws SQLException {
        return delete("DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => ?)", retention);
    }

    private int delete(String sql, Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, retention.toSeconds());
            return ps.executeUpdate();
        }
    }

    /** One unsent event as the relay sends it. */
    record OutboxRow(long id, String eventId, String topic, String aggregateId, String type, String source,
            String subject, OffsetDateTime occurredAt, String payload, int attempts) {

        static OutboxRow from(ResultSet rs) throws SQLException {
            return new OutboxRow(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                    rs.getString("aggregate_id"), rs.getString("event_type"), rs.getString("source"),
                    rs.getString("subject"), rs.getObject("occurred_at", OffsetDateTime.class),
                    rs.getString("payload"), rs.getInt("attempts"));
        }
    }
}
