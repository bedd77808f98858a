package se.utfall.matching.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import se.utfall.matching.config.MatchingConfig;
import se.utfall.matching.mapping.RankingInputs;
import se.utfall.matching.domain.InnovatorProfile;
import se.utfall.matching.ranking.Concepts;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Profile;
import se.utfall.matching.ranking.Ranker;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This replica's in-memory ranking index of every innovator profile. The profiles live in PostgreSQL, which all
 * replicas share; every write gives the row a new generation (from a sequence, whichever replica writes). Each
 * refresh interval a replica compares the profiles' fingerprint with its own and, when they differ, takes in the
 * rows of newer generations; if that does not account for the difference (a profile deleted, or a write that drew
 * its generation earlier committed later), it compares every row's generation with its own and takes in or drops
 * what differs. So every replica ranks over the complete set, at most one interval behind, and a change costs
 * the changed rows, not a rebuild. The index is built anew at start and when replaced profiles outnumber the
 * live ones. Rankings of a need are cached per need version and index change.
 */
@ApplicationScoped
public class ProfileIndex {
    private static final Logger LOG = Logger.getLogger(ProfileIndex.class);
    /**
     * What the profiles are at: the count and the sum of a 64-bit hash of each row's id and generation. Every
     * write moves a row's generation, so the sum moves too, also when a write that drew its number earlier
     * commits later (a maximum alone would miss it); a hash, not the generation itself, so that different sets
     * of rows do not add up alike. {@link #hash} computes the same in Java.
     */
    static final String FINGERPRINT = """
            SELECT count(*) || ':' || coalesce(sum(('x' || substr(md5(id::text || ':' || generation::text), 1, 16))
                ::bit(64)::bigint), 0) AS fingerprint FROM profile""";
    private static final String COLUMNS = """
            SELECT id, org_id, org_name, name, type, description, capabilities, sectors, regions_served, languages,
                generation
            FROM profile""";
    private static final String LOAD = COLUMNS;
    private static final String NEWER = COLUMNS + " WHERE generation > $1";
    private static final String BY_ID = COLUMNS + " WHERE id = ANY($1)";
    private static final String GENERATIONS = "SELECT id, generation FROM profile";
    /** How many ranked profiles are kept per need: enough for an innovator to find itself far down the list. */
    static final int KEPT = 300;

    private record Cached(long generation, long needVersion, List<Ranker.Match> ranked) {
    }

    private final Pool pool;
    private final Concepts concepts = Concepts.standard();
    private final Duration interval;
    private final Map<String, Cached> rankings = new ConcurrentHashMap<>();
    /**
     * The ranking index and the organisation of each profile in it (its id and its name as the identity provider
     * gives it), replaced together when built anew.
     */
    private record Live(Ranker ranker, Map<String, UUID> organisations, Map<String, String> names) {
        void put(Row r) {
            String key = r.getUUID("id").toString();
            organisations.put(key, r.getUUID("org_id"));
            String name = r.getString("org_name");
            if (name == null) {
                names.remove(key);
            } else {
                names.put(key, name);
            }
        }

        void remove(String key) {
            organisations.remove(key);
            names.remove(key);
        }
    }

    private volatile Live live;
    /** How many times the index changed (or may have) since start. */
    private volatile long build;
    /** Whether the index has been built over all profiles once since start. */
    private volatile boolean built;
    /** The generation of each profile taken in, their hashes' sum and the highest (the refresher's alone). */
    private Map<String, Long> generations = new HashMap<>();
    private BigInteger hashes = BigInteger.ZERO;
    private long newest;
    private ScheduledExecutorService refresher;

    public ProfileIndex(Pool pool, MatchingConfig config) {
        this.pool = pool;
        this.interval = config.refreshInterval();
        this.live = new Live(new Ranker(concepts, List.of()), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    void start(@Observes StartupEvent event) {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "profile-index");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    public Concepts concepts() {
        return concepts;
    }

    /** What this replica's index holds: how many profiles, and how many times it was built since start. */
    public record Info(int profiles, long build) {
    }

    public Info info() {
        return new Info(live.ranker().size(), build);
    }

    /** Asks for a refresh now (after this replica wrote a profile), without waiting for it. */
    public void refreshSoon() {
        if (refresher != null && !refresher.isShutdown()) {
            refresher.execute(this::refreshQuietly);
        }
    }

    /** Whether the index has been built at least once since start. */
    public boolean isBuilt() {
        return built;
    }

    /**
     * Ranks the profiles for a need (cached while neither the need nor the profiles change; {@code needVersion}
     * must change whenever what the ranking reads of the need does, see {@code NeedEntry#rankingVersion}).
     */
    public List<Ranker.Match> rank(Need need, long needVersion) {
        // Read before ranking: a ranking that saw a change is at worst kept under the build before it, and made
        // again on the next call; never the other way round.
        long current = build;
        Cached c = rankings.get(need.key());
        if (c != null && c.generation() == current && c.needVersion() == needVersion) {
            return c.ranked();
        }
        List<Ranker.Match> ranked = live.ranker().rank(need, KEPT);
        rankings.put(need.key(), new Cached(current, needVersion, ranked));
        return ranked;
    }

    /** Drops every cached ranking: the needs they were made for may have changed (a rebuild of the index). */
    public void forgetRankings() {
        rankings.clear();
    }

    /** The organisation a ranked profile belongs to. */
    public Optional<UUID> organisationOf(String profileKey) {
        return Optional.ofNullable(live.organisations().get(profileKey));
    }

    /** The display name of the profile's organisation, as the identity provider gives it; empty when unknown. */
    public Optional<String> organisationNameOf(String profileKey) {
        return Optional.ofNullable(live.names().get(profileKey));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (Throwable e) {
            // Whatever it was (even running out of memory while building), the schedule must go on.
            // The database may be away for a moment: keep ranking with the index we have, try again next time.
            LOG.warnf("Profile index not refreshed: %s", e.getMessage());
        }
    }

    /**
     * Brings the index up to the profiles in PostgreSQL; blocking, on the refresher's thread. What the index
     * records as taken in is written only after the ranker took it, so a refresh that fails half-way is simply
     * done again; whenever the ranker may have changed, cached rankings are dropped.
     */
    void refresh() {
        String stored = storedFingerprint();
        if (built && stored.equals(fingerprint())) {
            return;
        }
        long started = System.nanoTime();
        String how;
        try {
            if (!built || live.ranker().superseded() > Math.max(1000, live.ranker().size())) {
                rebuild();
                how = "built";
            } else {
                how = take(await(pool.preparedQuery(NEWER).execute(Tuple.of(newest))), List.of()) + " changed";
                // Read again: a write committed meanwhile is in both or neither; a difference left is a deletion
                // or a write that drew an older generation and committed later.
                if (!storedFingerprint().equals(fingerprint())) {
                    how += ", " + reconcile();
                }
            }
        } finally {
            build++;
            rankings.clear();
        }
        LOG.infof("Profile index: %d profiles, %s (build %d) in %d ms", live.ranker().size(), how, build,
                (System.nanoTime() - started) / 1_000_000);
    }

    private String storedFingerprint() {
        return await(pool.query(FINGERPRINT).execute()).iterator().next().getString(0);
    }

    private String fingerprint() {
        return generations.size() + ":" + hashes;
    }

    /** The 64-bit hash of a row the fingerprint query sums: md5 of "id:generation", its first 8 bytes, signed. */
    static long hash(String id, long generation) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((id + ":" + generation)
                    .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(md5, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void rebuild() {
        List<Profile> profiles = new ArrayList<>();
        Live loaded = new Live(null, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        Map<String, Long> taken = new HashMap<>();
        BigInteger sum = BigInteger.ZERO;
        long highest = 0;
        for (Row r : await(pool.query(LOAD).execute())) {
            String key = r.getUUID("id").toString();
            long generation = r.getLong("generation");
            readable(r).ifPresent(profiles::add);
            loaded.put(r);
            taken.put(key, generation);
            sum = sum.add(BigInteger.valueOf(hash(key, generation)));
            highest = Math.max(highest, generation);
        }
        live = new Live(new Ranker(concepts, profiles), loaded.organisations(), loaded.names());
        generations = taken;
        hashes = sum;
        newest = highest;
        built = true;
    }

    /** Compares every profile's generation with the index's and takes in or drops what differs. */
    private String reconcile() {
        Map<String, Long> stored = new HashMap<>();
        for (Row r : await(pool.query(GENERATIONS).execute())) {
            stored.put(r.getUUID("id").toString(), r.getLong("generation"));
        }
        List<String> removed = generations.keySet().stream().filter(k -> !stored.containsKey(k)).toList();
        UUID[] differ = stored.entrySet().stream().filter(e -> !e.getValue().equals(generations.get(e.getKey())))
                .map(e -> UUID.fromString(e.getKey())).toArray(UUID[]::new);
        int changed = take(differ.length == 0 ? List.of()
                : await(pool.preparedQuery(BY_ID).execute(Tuple.of(differ))), removed);
        return "reconciled: " + changed + " changed, " + removed.size() + " removed";
    }

    /**
     * Puts the rows into the ranker and removes the keys, then records them as taken in; returns how many rows.
     * A row the ranking cannot read (it is logged) is recorded too, and any older version of it leaves the index.
     */
    private int take(Iterable<Row> rows, List<String> removed) {
        List<Row> all = new ArrayList<>();
        rows.forEach(all::add);
        List<Profile> changed = new ArrayList<>();
        List<String> gone = new ArrayList<>(removed);
        for (Row r : all) {
            readable(r).ifPresentOrElse(changed::add, () -> gone.add(r.getUUID("id").toString()));
        }
        Live current = live;
        current.ranker().apply(changed, gone);
        for (Row r : all) {
            String key = r.getUUID("id").toString();
            record(key, r.getLong("generation"));
            current.put(r);
        }
        for (String key : removed) {
            Long generation = generations.remove(key);
            if (generation != null) {
                hashes = hashes.subtract(BigInteger.valueOf(hash(key, generation)));
            }
            current.remove(key);
        }
        return all.size();
    }

    private void record(String key, long generation) {
        Long before = generations.put(key, generation);
        if (before != null) {
            hashes = hashes.subtract(BigInteger.valueOf(hash(key, before)));
        }
        hashes = hashes.add(BigInteger.valueOf(hash(key, generation)));
        newest = Math.max(newest, generation);
    }

    /** The row as the ranking reads it; empty (and logged) when a stored list cannot be read. */
    private static Optional<Profile> readable(Row r) {
        try {
            return Optional.of(profile(r));
        } catch (RuntimeException e) {
            LOG.warnf("Profile %s left out of the ranking: %s", r.getUUID("id"), e.getMessage());
            return Optional.empty();
        }
    }

    private static Profile profile(Row r) {
        return RankingInputs.profile(r.getUUID("id"), r.getString("name"), r.getString("type"),
                r.getString("description"), InnovatorProfile.list(r.getString("capabilities")),
                InnovatorProfile.list(r.getString("sectors")), InnovatorProfile.list(r.getString("regions_served")),
                InnovatorProfile.list(r.getString("languages")));
    }

    private static RowSet<Row> await(Uni<RowSet<Row>> rows) {
        return rows.await().atMost(Duration.ofMinutes(2));
    }
}
