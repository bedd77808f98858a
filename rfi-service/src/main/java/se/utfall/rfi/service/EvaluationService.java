package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.money.Money;
import se.utfall.rfi.api.DecisionRequest;
import se.utfall.rfi.api.EvaluationView;
import se.utfall.rfi.api.ResponseView;
import se.utfall.rfi.api.ScoreInput;
import se.utfall.rfi.api.ScoresRequest;
import se.utfall.rfi.domain.Criterion;
import se.utfall.rfi.domain.Decision;
import se.utfall.rfi.domain.Evaluation;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.rfi.domain.Score;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.mapping.RfiMapper;
import se.utfall.rfi.messaging.ResponseEvents;
import se.utfall.rfi.messaging.ResponseOutcomeData;
import se.utfall.rfi.messaging.RfiEvents;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Evaluation of a closed RFI by its buying organisation: scores per evaluator and criterion, a decision with
 * feedback per submitted response, and the completion that makes the decisions final, tells every respondent at
 * once and announces them internally. Scores and decisions take the RFI in share mode and need it CLOSED; the
 * completion takes it exclusively, so nothing is scored or decided after it.
 */
@ApplicationScoped
public class EvaluationService {
    private final RfiAudit trail;
    private static final Comparator<EvaluationView.Row> HIGHEST_FIRST = Comparator.comparing(
            EvaluationView.Row::weightedTotal, Comparator.nullsLast(Comparator.reverseOrder()));

    private final ResponseEvents responseEvents;
    private final RfiEvents rfiEvents;
    private final Clock clock;
    private final ZoneId zone;

    private final OcdsService ocds;

    public EvaluationService(ResponseEvents responseEvents, RfiEvents rfiEvents, Clock clock, RfiConfig config,
            RfiAudit trail, OcdsService ocds) {
        this.trail = trail;
        this.ocds = ocds;
        this.responseEvents = responseEvents;
        this.rfiEvents = rfiEvents;
        this.clock = clock;
        this.zone = config.timeZone();
    }

    /** The response's evaluation row after a change of the caller's scores, and the ETag of those scores. */
    public record Scored(EvaluationView.Row row, String etag) {
    }

    /** The caller's own scores of a response, as a body it can change and send back, with their ETag. */
    public record OwnScores(ScoresRequest scores, String etag) {
    }

    /**
     * Replaces the caller's scores of a submitted response; answers the response's evaluation row. Changing scores
     * given before needs If-Match with their ETag (a second tab or a colleague's session cannot overwrite them
     * unseen); the first scores need none.
     */
    @WithTransaction
    public Uni<Scored> score(UUID responseId, ScoresRequest request, Precondition ifMatch, Actor actor) {
        return underEvaluation(responseId, actor).chain(found -> {
            Rfi rfi = found.rfi();
            RfiResponse r = found.response();
            Map<UUID, Criterion> criteria = rfi.criteria().stream()
                    .collect(Collectors.toMap(Criterion::id, c -> c));
            RuleViolation.Problems p = new RuleViolation.Problems();
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < request.scores().size(); i++) {
                ScoreInput s = request.scores().get(i);
                if (!criteria.containsKey(s.criterionId())) {
                    p.add("scores[" + i + "].criterionId", "is not a criterion of this RFI");
                } else if (!seen.add(s.criterionId())) {
                    p.add("scores[" + i + "].criterionId", "is scored twice");
                }
            }
            p.throwIfAny(RuleViolation.Kind.INVALID, "Some scores do not fit the RFI's criteria");
            Instant now = clock.instant();
            List<Score> scores = request.scores().stream().map(s -> Score.of(rfi.id, r.id, actor.subject(),
                    actor.personName(), s.criterionId(), s.score(), blankToNull(s.comment()), now)).toList();
            // The response's row is locked for writing: two tabs with the same ETag are checked one after the other.
            return Panache.getSession().chain(s -> s.lock(r, LockModeType.PESSIMISTIC_WRITE)).chain(() -> Score
                    .<Score>list("responseId = ?1 and evaluator = ?2", r.id, actor.subject())).chain(before -> {
                if (!before.isEmpty()) {
                    ifMatch.require(tagOf(before));
                }
                return Score.delete("responseId = ?1 and evaluator = ?2", r.id, actor.subject())
                        .call(() -> Score.persist(scores))
                        .call(() -> trail.record(rfi.id, r.id, actor, "SCORED", null, null, now))
                        .call(() -> Panache.getSession().chain(s -> s.flush()))
                        .chain(() -> row(rfi, r)).map(row -> new Scored(row, tagOf(scores)));
            });
        });
    }

    /** The caller's scores of a response under evaluation (none yet: an empty list). */
    @WithTransaction
    public Uni<OwnScores> ownScores(UUID responseId, Actor actor) {
        return underEvaluation(responseId, actor).chain(found -> Score.<Score>list(
                "responseId = ?1 and evaluator = ?2", found.response().id, actor.subject()).map(mine ->
                new OwnScores(new ScoresRequest(mine.stream().map(s -> new ScoreInput(s.criterionId, (int) s.score,
                        s.comment)).toList()), tagOf(mine))));
    }

    /** A strong tag of a set of scores, by content: any change of a score or comment changes it. */
    static String tagOf(List<Score> scores) {
        return contentTag(scores.stream().map(s -> s.criterionId + ":" + s.score + ":"
                + (s.comment == null ? "" : s.comment)).toList());
    }

    /** A strong tag of scores written as lines "criterion:score:comment", in any order. */
    static String contentTag(List<String> lines) {
        String content = lines.stream().sorted().collect(Collectors.joining("\n"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "s" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records or changes the decision on a submitted response, until the evaluation is completed. */
    @WithTransaction
    public Uni<EvaluationView.Row> decide(UUID responseId, DecisionRequest request, Precondition ifMatch, Actor actor) {
        return underEvaluation(responseId, actor).chain(found -> {
            RfiResponse r = found.response();
            ifMatch.require(r.version);
            Instant now = clock.instant();
            r.decide(request.decision(), request.feedback().trim(), actor.subject(), now);
            return r.<RfiResponse>persistAndFlush()
                    .call(saved -> trail.record(r.rfiId, r.id, actor, "DECIDED", null,
                            request.decision().name(), now))
                    .chain(saved -> row(found.rfi(), saved));
        });
    }

    /** The buyer's side-by-side view of the submitted responses, highest weighted total first. */
    @WithSession
    public Uni<EvaluationView> summary(UUID rfiId, Actor actor) {
        return Rfi.<Rfi>findById(rfiId).chain(rfi -> {
            requireBuyer(rfi, actor, true);
            return summary(rfi);
        });
    }

    /**
     * CLOSED → EVALUATED once every submitted response has a decision: the decisions become final, each
     * respondent can read its own, and each is announced internally ({@code response.shortlisted} with what
     * matching and finance need, or {@code response.not-shortlisted}); the RFI's new status is public.
     */
    @WithTransaction
    public Uni<EvaluationView> complete(UUID rfiId, Precondition ifMatch, Actor actor) {
        return Rfi.<Rfi>findById(rfiId, LockModeType.PESSIMISTIC_WRITE).chain(rfi -> {
            requireBuyer(rfi, actor, false);
            ifMatch.require(rfi.version);
            rfi.requireUnderEvaluation();
            return submittedResponses(rfi.id).chain(responses -> {
                RuleViolation.Problems p = new RuleViolation.Problems();
                responses.stream().filter(r -> r.decision == null).forEach(r -> p.add("responses",
                        "the response of " + r.organisationName + " (" + r.id + ") has no decision yet"));
                p.throwIfAny(RuleViolation.Kind.INCOMPLETE, "The evaluation cannot be completed yet");
                Instant now = clock.instant();
                rfi.completeEvaluation(now);
                responses.forEach(r -> r.decisionReleasedAt = now);
                return Score.<Score>list("rfiId", rfi.id).chain(scores -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (RfiResponse r : responses) {
                        Evaluation.Result result = Evaluation.of(rfi.criteria(),
                                scores.stream().filter(s -> s.responseId.equals(r.id)).toList());
                        chain = chain.call(() -> responseEvents.decided(outcome(rfi, r, result)));
                    }
                    return chain;
                })
                        .call(() -> trail.record(rfi.id, null, actor, "EVALUATED", null, null, now))
                        .call(() -> Panache.getSession().chain(s -> s.flush()))
                        .call(() -> rfiEvents.evaluated(RfiMapper.toEvent(rfi, null, zone)))
                        .call(() -> ocds.recordRfi(rfi, List.of("tenderUpdate"), now))
                        .chain(() -> summary(rfi));
            });
        });
    }

    private record Found(Rfi rfi, RfiResponse response) {
    }

    /**
     * A submitted response to an RFI of the caller's organisation, with the RFI locked in share mode and CLOSED:
     * others get 404 (the response is not theirs to see), a wrong state 409.
     */
    private Uni<Found> underEvaluation(UUID responseId, Actor actor) {
        return RfiResponse.<RfiResponse>findById(responseId).chain(r -> {
            if (r == null) {
                throw RuleViolation.notFound("response");
            }
            // The response was read before the lock: read it again, a withdrawal may have committed in between.
            return Rfis.shareLocked(r.rfiId).call(() -> Panache.getSession().chain(s -> s.refresh(r))).map(rfi -> {
                Rfi buyers = actor.partyOrNotFound(r.status == ResponseStatus.SUBMITTED ? rfi : null,
                        x -> List.of(x.ownerOrgId), "response");
                buyers.requireUnderEvaluation();
                return new Found(buyers, r);
            });
        });
    }

    /** Only the buying organisation evaluates (an admin may read the summary); others get 404. */
    private static void requireBuyer(Rfi rfi, Actor actor, boolean adminMayRead) {
        Rfi published = rfi == null || !rfi.isPublic() ? null : rfi;
        if (adminMayRead) {
            actor.ownedOrNotFound(published, x -> x.ownerOrgId, "RFI");
        } else {
            actor.partyOrNotFound(published, x -> List.of(x.ownerOrgId), "RFI");
        }
    }

    private static Uni<List<RfiResponse>> submittedResponses(UUID rfiId) {
        return RfiResponse.list("rfiId = ?1 and status = ?2 order by submittedAt", rfiId, ResponseStatus.SUBMITTED);
    }

    private Uni<EvaluationView> summary(Rfi rfi) {
        return submittedResponses(rfi.id).chain(responses -> Score.<Score>list("rfiId = ?1 order by scoredAt",
                rfi.id).chain(scores -> ResponseService.baseline(rfi).map(baseline -> {
                    List<EvaluationView.Row> rows = responses.stream().map(r -> toRow(rfi, r,
                            scores.stream().filter(s -> s.responseId.equals(r.id)).toList(), baseline))
                            .sorted(HIGHEST_FIRST).toList();
                    return new EvaluationView(rfi.id, rfi.status, Score.MIN, Score.MAX, rfi.criteria().stream()
                            .map(c -> new EvaluationView.CriterionRef(c.id(), c.name(), c.weight())).toList(),
                            baseline, rows, Windows.local(rfi.evaluatedAt, zone));
                })));
    }

    private Uni<EvaluationView.Row> row(Rfi rfi, RfiResponse r) {
        return Score.<Score>list("responseId = ?1 order by scoredAt", r.id)
                .chain(scores -> ResponseService.baseline(rfi).map(b -> toRow(rfi, r, scores, b)));
    }

    private EvaluationView.Row toRow(Rfi rfi, RfiResponse r, List<Score> scores, Money baseline) {
        Evaluation.Result result = Evaluation.of(rfi.criteria(), scores);
        List<EvaluationView.CriterionScores> perCriterion = rfi.criteria().stream()
                .map(c -> new EvaluationView.CriterionScores(c.id(), c.name(), c.weight(),
                        result.criterionMeans().get(c.id()), scores.stream()
                        .filter(s -> s.criterionId.equals(c.id()))
                        .map(s -> new EvaluationView.ScoreView(s.evaluator, s.evaluatorName, s.score, s.comment,
                                Windows.local(s.scoredAt, zone))).toList())).toList();
        Money estimate = ResponseService.estimate(r);
        return new EvaluationView.Row(r.id, r.organisationId, r.organisationName, r.summary,
                RfiMapper.memberViews(r.consortium()),
                estimate, ResponseView.CostComparison.of(baseline, estimate), result.weightedTotal(),
                result.evaluators().stream().map(e -> new EvaluationView.EvaluatorTotal(e.evaluator(),
                        nameOf(scores, e.evaluator()), e.total(), e.complete())).toList(), perCriterion, r.decision,
                r.feedback, Windows.local(r.decidedAt, zone), r.version);
    }

    /** The name an evaluator last scored under. */
    private static String nameOf(List<Score> scores, String evaluator) {
        String name = null;
        for (Score s : scores) {
            if (s.evaluator.equals(evaluator) && s.evaluatorName != null) {
                name = s.evaluatorName;
            }
        }
        return name;
    }

    private ResponseOutcomeData outcome(Rfi rfi, RfiResponse r, Evaluation.Result result) {
        boolean shortlisted = r.decision == Decision.SHORTLISTED;
        return new ResponseOutcomeData(r.id, rfi.id, rfi.challengeId, r.organisationId,
                shortlisted ? r.organisationName : null, r.decision.name(), Windows.local(r.decidedAt, zone),
                shortlisted ? r.summary : null, shortlisted ? RfiMapper.memberData(r.consortium()) : null,
                shortlisted ? ResponseService.estimate(r) : null, shortlisted ? result.weightedTotal() : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
