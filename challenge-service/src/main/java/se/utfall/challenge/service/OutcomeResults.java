package se.utfall.challenge.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.api.GoalResultsView;
import se.utfall.challenge.domain.GoalResult;
import se.utfall.web.security.Reader;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The measured side of a challenge's outcome goals: what finance-service announces as verified (through the inbox,
 * once per case, goal and period) and what a reader of the challenge sees against each goal's baseline and target.
 */
@ApplicationScoped
public class OutcomeResults {
    private static final String UPSERT = """
            INSERT INTO goal_result (case_id, goal_id, challenge_id, period, units, verified_at)
            VALUES (:caseId, :goalId, :challengeId, :period, :units, :at)
            ON CONFLICT (case_id, goal_id, period) DO NOTHING""";

    private final ChallengeService challenges;

    public OutcomeResults(ChallengeService challenges) {
        this.challenges = challenges;
    }

    /** A verified result; in the inbox's transaction. A repeated one changes nothing. */
    public Uni<Void> record(UUID caseId, UUID challengeId, String period, UUID goalId, BigDecimal units,
            Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT).setParameter("caseId", caseId)
                .setParameter("goalId", goalId).setParameter("challengeId", challengeId)
                .setParameter("period", period).setParameter("units", units).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    /** The challenge's goals with their verified results, for whoever may read the challenge (404 otherwise). */
    @WithSession
    public Uni<GoalResultsView> of(UUID challengeId, Reader reader) {
        return challenges.get(challengeId, reader).chain(view -> GoalResult.<GoalResult>list(
                "challengeId = ?1 order by verifiedAt, period", challengeId).map(rows -> {
                    List<GoalResultsView.Goal> goals = new ArrayList<>();
                    for (ChallengeView.Goal g : view.outcomeGoals()) {
                        List<GoalResultsView.Result> results = rows.stream().filter(r -> r.goalId.equals(g.id()))
                                .map(r -> new GoalResultsView.Result(r.caseId, r.period, plain(r.units), r.verifiedAt))
                                .toList();
                        BigDecimal verified = results.stream().map(GoalResultsView.Result::units)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        goals.add(new GoalResultsView.Goal(g.id(), g.indicator(), g.unit(), g.baselineValue(),
                                g.targetValue(), verified, results));
                    }
                    return new GoalResultsView(challengeId, goals);
                }));
    }

    /** 30, not 3E+1 nor 30.0000: the units as written. */
    private static BigDecimal plain(BigDecimal units) {
        BigDecimal s = units.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
