package se.utfall.matching.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import se.utfall.matching.domain.InnovatorProfile;
import se.utfall.matching.ranking.Concepts;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Profile;
import se.utfall.matching.ranking.Ranker;

import java.time.Duration;
import java.util.ArrayList;
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
 * replicas share; each replica rebuilds its index when the profiles' generation (a sequence every write
 * advances, whichever replica writes) has moved, checked every refresh interval, so every replica ranks over the
 * complete set, at most one interval behind. Rankings of a need are cached per need version and index build.
 */
@ApplicationScoped
public class ProfileIndex {
    private static final Logger LOG = Logger.getLogger(ProfileIndex.class);
    /**
     * What the profiles are at: every write moves a row's generation, so the sum moves too, also when a write
     * that drew its number earlier commits later (a maximum alone would miss it).
     */
    private static final String FINGERPRINT = "SELECT count(*) || ':' || coalesce(sum(generation), 0) FROM profile";
    private static final String LOAD = """
            SELECT id, org_id, name, type, description, capabilities, sectors, regions_served FROM profile""";
    /** How many ranked profiles are kept per need: enough for an innovator to find itself far down the list. */
    static final int KEPT = 300;

    /** An index over the profiles as of one generation. */
    public record Snapshot(long generation, String fingerprint, Ranker ranker, Map<String, UUID> organisations) {
    }

    private record Cached(long generation, long needVersion, List<Ranker.Match> ranked) {
    }

    private final Pool pool;
    private final Concepts concepts = Concepts.standard();
    private final Duration interval;
    private final Map<String, Cached> rankings = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private ScheduledExecutorService refresher;

    public ProfileIndex(Pool pool, MatchingConfig config) {
        this.pool = pool;
        this.interval = config.refreshInterval();
        this.snapshot = new Snapshot(0, "", new Ranker(concepts, List.of()), Map.of());
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

    public Snapshot snapshot() {
        return snapshot;
    }

    /** What this replica's index holds: how many profiles, and how many times it was built since start. */
    public record Info(int profiles, long build) {
    }

    public Info info() {
        Snapshot s = snapshot;
        return new Info(s.ranker().size(), s.generation());
    }

    /** Asks for a refresh now (after this replica wrote a profile), without waiting for it. */
    public void refreshSoon() {
        if (refresher != null && !refresher.isShutdown()) {
            refresher.execute(this::refreshQuietly);
        }
    }

    /** Whether the index has been built at least once since start. */
    public boolean isBuilt() {
        return snapshot.generation() > 0;
    }

    /**
     * Ranks the profiles for a need (cached while neither the need nor the profiles change; {@code needVersion}
     * must change whenever what the ranking reads of the need does, see {@code NeedEntry#rankingVersion}).
     */
    public List<Ranker.Match> rank(Need need, long needVersion) {
        Snapshot s = snapshot;
        Cached c = rankings.get(need.key());
        if (c != null && c.generation() == s.generation() && c.needVersion() == needVersion) {
            return c.ranked();
        }
        List<Ranker.Match> ranked = s.ranker().rank(need, KEPT);
        rankings.put(need.key(), new Cached(s.generation(), needVersion, ranked));
        return ranked;
    }

    /** Drops every cached ranking: the needs they were made for may have changed (a rebuild of the index). */
    public void forgetRankings() {
        rankings.clear();
    }

    /** The organisation a ranked profile belongs to. */
    public Optional<UUID> organisationOf(String profileKey) {
        return Optional.ofNullable(snapshot.organisations().get(profileKey));
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

    /** Rebuilds the index if any profile changed since the last build; blocking, on the refresher's thread. */
    void refresh() {
        String fingerprint = pool.query(FINGERPRINT).execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
        if (fingerprint.equals(snapshot.fingerprint())) {
            return;
        }
        long started = System.nanoTime();
        List<Profile> profiles = new ArrayList<>();
        Map<String, UUID> organisations = new ConcurrentHashMap<>();
        for (Row r : pool.query(LOAD).execute().await().atMost(Duration.ofMinutes(2))) {
            UUID id = r.getUUID("id");
            profiles.add(InnovatorProfile.toRanking(id, r.getString("name"), r.getString("type"),
                    r.getString("description"), InnovatorProfile.list(r.getString("capabilities")),
                    InnovatorProfile.list(r.getString("sectors")),
                    InnovatorProfile.list(r.getString("regions_served"))));
            organisations.put(id.toString(), r.getUUID("org_id"));
        }
        // A write committed between the two queries is in the index but not in the fingerprint: the next look
        // rebuilds once more, which is harmless.
        long built = snapshot.generation() + 1;
        snapshot = new Snapshot(built, fingerprint, new Ranker(concepts, profiles), Map.copyOf(organisations));
        rankings.clear();
        LOG.infof("Profile index: %d profiles (build %d) in %d ms", profiles.size(), built,
                (System.nanoTime() - started) / 1_000_000);
    }
}
