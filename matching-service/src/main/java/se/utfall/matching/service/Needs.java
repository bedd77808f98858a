package se.utfall.matching.service;

import io.smallrye.mutiny.Uni;
import se.utfall.matching.mapping.RankingInputs;
import se.utfall.matching.domain.NeedBuyer;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.ranking.Need;
import se.utfall.web.problem.RuleViolation;

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
        return load(id).chain(loaded -> {
            if (viewer.seesAll()) {
                return Uni.createFrom().item(loaded);
            }
            UUID org = viewer.organisation();
            if (org == null || !viewer.buyer()) {
                throw RuleViolation.notFound("need");
            }
            if (org.equals(loaded.entry().ownerOrgId)) {
                return Uni.createFrom().item(loaded);
            }
            return NeedBuyer.count("challengeId = ?1 and orgId = ?2", loaded.entry().challengeId, org)
                    .map(n -> {
                        if (n == 0) {
                            throw RuleViolation.notFound("need");
                        }
                        return loaded;
                    });
        });
    }
}
