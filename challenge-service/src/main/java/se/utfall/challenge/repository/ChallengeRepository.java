package se.utfall.challenge.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeAggregate;
import se.utfall.challenge.domain.NeedInsight;
import se.utfall.challenge.domain.OutcomeGoal;
import se.utfall.challenge.domain.ProcessPhase;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Loading and storing challenge aggregates: one query per table, never one per row. */
@ApplicationScoped
public class ChallengeRepository {

    /** The aggregate, or null when there is no such challenge. */
    public Uni<ChallengeAggregate> load(UUID id) {
        return Challenge.<Challenge>findById(id).chain(c -> c == null ? Uni.createFrom().nullItem()
                : OutcomeGoal.<OutcomeGoal>list("challengeId = ?1 order by position", id)
                        .chain(goals -> NeedInsight.<NeedInsight>list("challengeId = ?1 order by position", id)
                                .chain(insights -> ProcessPhase.<ProcessPhase>list(
                                        "key.challengeId = ?1 order by position", id)
                                        .map(phases -> new ChallengeAggregate(c, new ArrayList<>(goals),
                                                new ArrayList<>(insights), new ArrayList<>(phases))))));
    }

    /** Stores a new aggregate: the challenge row, then its phases. */
    public Uni<Void> persistNew(ChallengeAggregate aggregate) {
        return aggregate.challenge().persist().chain(() -> persistAll(aggregate.phases()));
    }

    /** Writes what changed among goals and insights: the removed rows first, then the new ones. */
    public Uni<Void> write(List<?> toPersist, List<?> toRemove) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object o : toRemove) {
            chain = chain.chain(() -> ((PanacheEntityBase) o).delete());
        }
        return chain.chain(() -> persistAll(toPersist));
    }

    public Uni<Void> persistAll(List<?> entities) {
        if (entities.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.persistAll(entities.toArray()));
    }
}
