package se.utfall.matching.service;

import io.smallrye.mutiny.Uni;
import se.utfall.matching.mapping.RankingInputs;
import se.utfall.matching.domain.NeedBuyer;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.ranking.Need;
import se.utfall.web.problem.RuleViolation;

import java.util.List;
import java.util.UUID;

/** Loading a need with what it inherits, and the one rule for who sees its recommendations. */
final class Needs {
    private Needs() {
    }

    /** A need and the challenge it belongs to (itself for a challenge; null if an RFI's is not known yet). */
    record Loaded(NeedEntry entry, NeedEntry challenge) {
        Need ranking() {
            return RankingInputs.need(entry, challenge);
        }

        long version() {
            return entry.rankingVersion(challenge);
        }
    }

    static Uni<Loaded> load(UUID id) {
        return NeedEntry.<NeedEntry>findById(id).chain(entry -> {
            if (entry == null) {
                throw RuleViolation.notFound("need");
            }
            return NeedEntry.RFI.equals(entry.kind)
                    ? NeedEntry.<NeedEntry>findById(entry.challengeId).map(c -> new Loaded(entry, c))
                    : Uni.createFrom().item(new Loaded(entry, entry));
        });
    }

    /**
     * The need if the viewer may see its recommendations: a buyer of the owning or a co-buying organisation, a
     * coordinator or an admin. Anyone else gets 404, exactly as for a need that does not exist.
     */
    static Uni<Loaded> forInsider(UUID id, Viewer viewer) {
        return load(id).chain(loaded -> buyersSeenBy(loaded, viewer).map(buyers ->
                viewer.reader().visibleOrNotFound(loaded, x -> viewer.coordinator(), x -> buyers, "need")));
    }

    /**
     * The organisations whose buyers see the need's recommendations, as far as this viewer needs to know: none
     * for a viewer without the buyer role; the owner; and the viewer's organisation when it co-buys (asked only
     * then).
     */
    private static Uni<List<UUID>> buyersSeenBy(Loaded loaded, Viewer viewer) {
        UUID org = viewer.organisation();
        UUID owner = loaded.entry().ownerOrgId;
        if (!viewer.buyer()) {
            return Uni.createFrom().item(List.of());
        }
        if (viewer.seesAll() || org == null || org.equals(owner)) {
            return Uni.createFrom().item(List.of(owner));
        }
        return NeedBuyer.count("challengeId = ?1 and orgId = ?2", loaded.entry().challengeId, org)
                .map(n -> n == 0 ? List.of(owner) : List.of(owner, org));
    }
}
