package se.utfall.challenge.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.api.ChallengeRequest;
import se.utfall.challenge.api.NeedInsightInput;
import se.utfall.challenge.api.OutcomeGoalInput;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeAggregate;
import se.utfall.challenge.domain.NeedInsight;
import se.utfall.challenge.domain.OutcomeGoal;
import se.utfall.challenge.domain.ProcessPhase;
import se.utfall.challenge.mapping.ChallengeMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * Brings goals and insights in line with the request in memory (known ids keep their rows, new ones get new
     * rows, missing ones go) and writes the difference. The process trail is planned on the aggregate.
     */
    public Uni<Void> syncChildren(ChallengeAggregate aggregate, ChallengeRequest request) {
        UUID challengeId = aggregate.challenge().id;
        List<Object> toPersist = new ArrayList<>();
        List<Object> toRemove = new ArrayList<>();
        sync(aggregate.goals(), request.outcomeGoals(), g -> g.id, OutcomeGoalInput::id, () -> {
            OutcomeGoal g = new OutcomeGoal();
            g.id = UUID.randomUUID();
            g.challengeId = challengeId;
            toPersist.add(g);
            return g;
        }, (in, g, i) -> {
            ChallengeMapper.apply(in, g);
            g.position = i;
        }, toRemove);
        sync(aggregate.insights(), request.needInsights(), n -> n.id, NeedInsightInput::id, () -> {
            NeedInsight n = new NeedInsight();
            n.id = UUID.randomUUID();
            n.challengeId = challengeId;
            toPersist.add(n);
            return n;
        }, (in, n, i) -> {
            ChallengeMapper.apply(in, n);
            n.position = i;
        }, toRemove);
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

    private interface Apply<I, E> {
        void apply(I input, E entity, int position);
    }

    private static <I, E> void sync(List<E> current, List<I> wanted, Function<E, UUID> entityId,
            Function<I, UUID> inputId, Supplier<E> create, Apply<I, E> apply, List<Object> toRemove) {
        List<I> inputs = wanted == null ? List.of() : wanted;
        Map<UUID, E> byId = new HashMap<>();
        current.forEach(e -> byId.put(entityId.apply(e), e));
        List<E> result = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            I in = inputs.get(i);
            E entity = in != null && inputId.apply(in) != null ? byId.remove(inputId.apply(in)) : null;
            if (entity == null) {
                entity = create.get();
            }
            apply.apply(in, entity, i);
            result.add(entity);
        }
        toRemove.addAll(byId.values());
        current.clear();
        current.addAll(result);
    }
}
