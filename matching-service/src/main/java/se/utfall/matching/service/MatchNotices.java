package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import se.utfall.matching.config.MatchingConfig;
import se.utfall.matching.mapping.RankingInputs;
import se.utfall.events.EventTypes;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.messaging.MatchEventData;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Ranker;
import se.utfall.messaging.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Announces a need's strong matches on the internal topic, so notification channels can tell innovators in time:
 * the best few at or above the threshold, each (need, profile) pair at most once ever, decided by the insert into
 * {@code match_notice} in the same transaction as the event's outbox row.
 */
@ApplicationScoped
public class MatchNotices {
    private static final Logger LOG = Logger.getLogger(MatchNotices.class);
    /** Once per need and profile; never to an organisation that has already responded to the RFI. */
    private static final String CLAIM = """
            INSERT INTO match_notice (need_id, profile_id, score, created_at)
            SELECT CAST(:need AS uuid), CAST(:profile AS uuid), CAST(:score AS double precision),
                CAST(:at AS timestamptz)
            WHERE NOT EXISTS (SELECT 1 FROM response_signal WHERE rfi_id = :need AND org_id = :org)
            ON CONFLICT DO NOTHING""";

    private final ProfileIndex index;
    private final Explanations explanations;
    private final Outbox outbox;
    private final Clock clock;
    private final double threshold;
    private final int limit;

    public MatchNotices(ProfileIndex index, Explanations explanations, Outbox outbox, Clock clock,
            MatchingConfig config) {
        this.index = index;
        this.explanations = explanations;
        this.outbox = outbox;
        this.clock = clock;
        this.threshold = config.notifyThreshold();
        this.limit = config.notifyLimit();
    }

    /** Ranks the need (as the index now holds it) and announces its new strong matches; in the caller's tx. */
    public Uni<Void> announce(UUID needId) {
        return NeedEntry.<NeedEntry>findById(needId).chain(entry -> entry == null || !entry.open
                || entry.closesAt != null && !entry.closesAt.isAfter(clock.instant())
                ? Uni.createFrom().voidItem()
                : challengeOf(entry).chain(challenge -> {
                    Need need = RankingInputs.need(entry, challenge);
                    if (!index.isBuilt()) {
                        // Ranked against nothing, the need would never be announced: let the inbox retry.
                        throw new IllegalStateException("the profile index is not built yet");
                    }
                    // The ranking is CPU work: on a worker, and back on this consumer's own context for the
                    // transaction's statements (Hibernate Reactive stays on the thread it started on).
                    Context context = Vertx.currentContext();
                    Uni<List<Ranker.Match>> ranked = Uni.createFrom().item(() -> strongest(entry, challenge, need));
                    if (context != null) {
                        ranked = ranked.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                .emitOn(task -> context.runOnContext(v -> task.run()));
                    }
                    return ranked.chain(strong -> {
                        Instant now = clock.instant();
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (int i = 0; i < strong.size(); i++) {
                            Ranker.Match m = strong.get(i);
                            int rank = i + 1;
                            String municipality = entry.municipalityLabel(challenge);
                            chain = chain.chain(() -> claim(entry, need, municipality, m, rank, now));
                        }
                        return chain;
                    });
                }));
    }

    /** The need's strong matches, best first; none when the ranking cannot read the need. */
    private List<Ranker.Match> strongest(NeedEntry entry, NeedEntry challenge, Need need) {
        try {
            return index.rank(need, entry.rankingVersion(challenge)).stream()
                    .filter(m -> m.score() >= threshold).limit(limit).toList();
        } catch (RuntimeException e) {
            // A need the ranking cannot read is indexed all the same, just not announced.
            LOG.warnf("Need %s not ranked for announcement: %s", entry.id, e.toString());
            return List.of();
        }
    }

    private static Uni<NeedEntry> challengeOf(NeedEntry entry) {
        return NeedEntry.RFI.equals(entry.kind) ? NeedEntry.findById(entry.challengeId)
                : Uni.createFrom().nullItem();
    }

    private Uni<Void> claim(NeedEntry entry, Need need, String municipality, Ranker.Match m, int rank,
            Instant now) {
        UUID profileId = UUID.fromString(m.profile().key());
        UUID org = index.organisationOf(m.profile().key()).orElse(null);
        if (org == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM)
                .setParameter("need", entry.id)
                .setParameter("profile", profileId)
                .setParameter("score", m.score())
                .setParameter("org", org)
                .setParameter("at", now)
                .executeUpdate()).chain(claimed -> claimed == 0 ? Uni.createFrom().voidItem()
                : outbox.append(EventTypes.MATCH_RECOMMENDED, entry.id.toString(),
                        "needs/" + entry.id + "/matches/" + profileId,
                        new MatchEventData(entry.id, entry.kind, entry.challengeId, entry.title,
                                need.municipalityCode(), profileId, org, m.profile().name(),
                                Math.round(m.score() * 1000) / 1000.0, rank,
                                explanations.reasons(need, m, "sv", municipality),
                                explanations.reasons(need, m, "en", municipality), now))
                        .replaceWithVoid());
    }
}
