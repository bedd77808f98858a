package se.utfall.finance.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.audit.Audit;
import se.utfall.events.EventTypes;
import se.utfall.finance.api.ClaimRequest;
import se.utfall.finance.api.ClaimView;
import se.utfall.finance.api.PaymentView;
import se.utfall.finance.domain.ClaimStatus;
import se.utfall.finance.domain.ContractStatus;
import se.utfall.finance.domain.ContractVersion;
import se.utfall.finance.domain.Disclosure;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.OutcomeClaim;
import se.utfall.finance.domain.OutcomeContract;
import se.utfall.finance.domain.Payment;
import se.utfall.finance.domain.PaymentEngine;
import se.utfall.finance.domain.Period;
import se.utfall.finance.domain.Settlement;
import se.utfall.finance.domain.Terms;
import se.utfall.finance.mapping.FinanceMapper;
import se.utfall.finance.messaging.FinanceEvents;
import se.utfall.finance.messaging.OutcomeEventData;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Outcome claims and the payments they cause: the provider claims units per payment point (and delivery as
 * planned, for the base payment's part); the verifier validates — the payment due is computed by the terms in force
 * on the period's last day, against everything paid before, and distributed through the waterfall, once — or
 * disputes with a reason. The case's row is locked for every validation, so payments are computed one after the
 * other. The final point's validation completes the contract and the case.
 */
@ApplicationScoped
public class ClaimService {
    private final FinanceEvents events;
    private final Audit audit;
    private final Clock clock;

    public ClaimService(FinanceEvents events, Audit audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The provider claims units for a payment point of an active contract; one live claim per period. */
    @WithTransaction
    public Uni<ClaimView> claim(UUID caseId, ClaimRequest r, Actor actor) {
        return InvestmentCase.<InvestmentCase>findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            InvestmentCase c = actor.partyOrNotFound(found, x -> List.of(x.providerOrgId), "case");
            return ContractService.contractOf(c).chain(k -> ContractService.versions(k.id).chain(all -> {
                k.requireActive("claim under");
                // Checked by the terms that will pay it: those in force on the period's last day.
                ContractVersion v = ContractVersion.inForce(all, Period.end(r.period()), x -> x.effectiveFrom,
                        x -> x.number).orElse(null);
                if (v == null) {
                    throw new RuleViolation(RuleViolation.Kind.INVALID, "The claim has invalid fields", List.of(
                            new RuleViolation.FieldProblem("period", "ends before the contract's terms took effect")));
                }
                Terms t = v.parsed();
                RuleViolation.Problems p = new RuleViolation.Problems();
                if (!t.paymentPoints().isEmpty() && t.pointIndex(r.period()) < 0) {
                    p.add("period", "is not a payment point of the contract ("
                            + String.join(", ", t.paymentPoints().stream().map(Terms.PaymentPoint::period).toList())
                            + ")");
                }
                Map<UUID, BigDecimal> units = new LinkedHashMap<>();
                for (int i = 0; i < r.units().size(); i++) {
                    ClaimRequest.Units u = r.units().get(i);
                    if (!t.goalIds().contains(u.goalId())) {
                        p.add("units[" + i + "].goalId", "is not a priced outcome goal of the contract");
                    } else if (units.put(u.goalId(), u.units()) != null) {
                        p.add("units[" + i + "].goalId", "is claimed twice");
                    }
                }
                p.throwIfAny(RuleViolation.Kind.INVALID, "The claim has invalid fields");
                // The final point completes the contract: every earlier point is validated first (a point without
                // outcomes is claimed with 0 units), so none is lost by completing.
                List<String> earlier = t.isFinal(r.period()) ? t.paymentPoints().stream()
                        .map(Terms.PaymentPoint::period).filter(x -> !x.equals(r.period())).toList() : List.of();
                Uni<Long> validatedEarlier = earlier.isEmpty() ? Uni.createFrom().item(0L) : OutcomeClaim.count(
                        "caseId = ?1 and status = ?2 and period in ?3", c.id, ClaimStatus.VALIDATED, earlier);
                return validatedEarlier.chain(done -> {
                    if (done < earlier.size()) {
                        throw RuleViolation.conflict("The final point is claimed after every earlier point ("
                                + String.join(", ", earlier) + ") is validated").as("earlier-points-open",
                                "Earlier points are open");
                    }
                    return OutcomeClaim.count("caseId = ?1 and period = ?2 and status <> ?3", c.id, r.period(),
                            ClaimStatus.DISPUTED);
                }).chain(live -> {
                            if (live > 0) {
                                throw RuleViolation.conflict("The period " + r.period() + " is claimed already")
                                        .as("claimed-already", "Claimed already");
                            }
                            Instant now = clock.instant();
                            OutcomeClaim claim = new OutcomeClaim();
                            claim.id = UUID.randomUUID();
                            claim.caseId = c.id;
                            claim.period = r.period();
                            claim.units = JsonText.write(units);
                            claim.evidence = r.evidence();
                            claim.deliveredAsPlanned = Boolean.TRUE.equals(r.deliveredAsPlanned());
                            claim.status = ClaimStatus.SUBMITTED;
                            claim.submittedByOrg = actor.organisation();
                            claim.submittedAt = now;
                            c.deliver(now);
                            return claim.<OutcomeClaim>persist().chain(() -> c.<InvestmentCase>persistAndFlush())
                                    .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id), actor,
                                            "CLAIM_SUBMITTED", now).withNote(r.period())))
                                    .map(x -> view(claim))
                                    .call(view -> events.claim(EventTypes.CLAIM_SUBMITTED,
                                            FinanceMapper.toEvent(view)));
                        });
            }));
        });
    }

    /** The verifier validates a claim: the payment due is computed and distributed, once (409 the second time). */
    @WithTransaction
    public Uni<PaymentView> validate(UUID claimId, Precondition ifMatch, Actor actor) {
        return decide(claimId, ifMatch, actor).chain(d -> {
            Instant now = clock.instant();
            OutcomeClaim claim = d.claim();
            InvestmentCase c = d.c();
            claim.validate(now);
            return ContractService.versions(d.k().id).chain(all -> Payment.<Payment>list(
                    "caseId = ?1 order by createdAt, id", c.id).chain(before -> ContractService
                    .activeCommitments(c.id).chain(commitments -> {
                        ContractVersion v = ContractService.inForce(all, Period.end(claim.period));
                        Terms t = v.parsed();
                        PaymentEngine.RateCard card = t.rateCardAt(claim.period);
                        List<BigDecimal> units = new ArrayList<>();
                        if (t.basePayment().signum() > 0) {
                            units.add(claim.deliveredAsPlanned ? BigDecimal.ONE : BigDecimal.ZERO);
                        }
                        units.addAll(claim.unitsFor(t.goalIds()));
                        Payment pay = Settlement.pay(c, card, units, before, commitments, t.returnCapPercent(),
                                v.number, now);
                        pay.claimId = claim.id;
                        pay.period = claim.period;
                        boolean last = t.isFinal(claim.period);
                        if (last) {
                            d.k().status = ContractStatus.COMPLETED;
                            c.complete(now);
                        }
                        return claim.<OutcomeClaim>persist().chain(() -> pay.<Payment>persist())
                                .chain(() -> d.k().<OutcomeContract>persist())
                                .chain(() -> c.<InvestmentCase>persistAndFlush())
                                .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id), actor,
                                        "CLAIM_VALIDATED", now).withNote(claim.period)))
                                .call(x -> events.claim(EventTypes.CLAIM_VALIDATED, FinanceMapper.toEvent(view(claim))))
                                .call(x -> published(d.k()) ? verified(c, claim, now) : Uni.createFrom().voidItem())
                                .map(x -> view(pay, c))
                                .call(view -> events.paymentDue(FinanceMapper.toEvent(view, c.id)));
                    })));
        });
    }

    @WithTransaction
    public Uni<ClaimView> dispute(UUID claimId, String reason, Precondition ifMatch, Actor actor) {
        return decide(claimId, ifMatch, actor).chain(d -> {
            Instant now = clock.instant();
            d.claim().dispute(reason.strip(), now);
            return d.claim().<OutcomeClaim>persistAndFlush()
                    .call(x -> audit.record(Audit.Entry.of(CaseService.subject(d.c().id), actor, "CLAIM_DISPUTED",
                            now).withNote(d.claim().period)))
                    .map(ClaimService::view)
                    .call(v -> events.claim(EventTypes.CLAIM_DISPUTED, FinanceMapper.toEvent(v)));
        });
    }

    /** A case's claims, for those who see every position (the provider, the payer, the verifier, coordinators). */
    @WithSession
    public Uni<List<ClaimView>> claims(UUID caseId, Actor actor, boolean coordinator) {
        return Participants.of(caseId, actor.asReader(), coordinator).chain(ps -> {
            if (!ps.seesAll()) {
                throw RuleViolation.notFound("case");
            }
            return OutcomeClaim.<OutcomeClaim>list("caseId = ?1 order by submittedAt, id", caseId)
                    .map(list -> list.stream().map(ClaimService::view).toList());
        });
    }

    /** The payments of a case, for those who see every position. */
    @WithSession
    public Uni<List<PaymentView>> payments(UUID caseId, Actor actor, boolean coordinator) {
        return Participants.of(caseId, actor.asReader(), coordinator).chain(ps -> {
            if (!ps.seesAll()) {
                throw RuleViolation.notFound("case");
            }
            return Payment.<Payment>list("caseId = ?1 order by createdAt, id", caseId)
                    .map(list -> list.stream().map(p -> view(p, ps.c())).toList());
        });
    }

    private static boolean published(OutcomeContract k) {
        return Disclosure.shown(k.disclosed().results());
    }

    /** Announces the verified units per goal of this claim, with each goal's verified units so far. */
    private Uni<Void> verified(InvestmentCase c, OutcomeClaim claim, Instant now) {
        return OutcomeClaim.<OutcomeClaim>list("caseId = ?1 and status = ?2", c.id, ClaimStatus.VALIDATED)
                .chain(validated -> {
                    Map<UUID, BigDecimal> sum = new LinkedHashMap<>();
                    validated.forEach(x -> x.unitsByGoal().forEach((g, u) -> sum.merge(g, u, BigDecimal::add)));
                    List<OutcomeEventData.Result> results = claim.unitsByGoal().entrySet().stream()
                            .map(e -> new OutcomeEventData.Result(e.getKey(), e.getValue(), sum.get(e.getKey())))
                            .toList();
                    return events.outcomeVerified(new OutcomeEventData(claim.id, c.id, c.challengeId, claim.period,
                            results, now));
                });
    }

    private record Decision(OutcomeClaim claim, InvestmentCase c, OutcomeContract k) {
    }

    /** The claim, its case locked, for the contract's verifier only (404 for anyone else), If-Match checked. */
    private static Uni<Decision> decide(UUID claimId, Precondition ifMatch, Actor actor) {
        return OutcomeClaim.<OutcomeClaim>findById(claimId).chain(claim -> {
            if (claim == null) {
                throw RuleViolation.notFound("claim");
            }
            return InvestmentCase.<InvestmentCase>findById(claim.caseId, LockModeType.PESSIMISTIC_WRITE)
                    .chain(c -> ContractService.contractOf(c).map(k -> {
                        actor.partyOrNotFound(k, x -> List.of(x.verifierOrgId), "claim");
                        ifMatch.require(claim.version);
                        return new Decision(claim, c, k);
                    }));
        });
    }

    static ClaimView view(OutcomeClaim c) {
        return new ClaimView(c.id, c.caseId, c.period, c.unitsByGoal().entrySet().stream()
                .map(e -> new ClaimRequest.Units(e.getKey(), e.getValue())).toList(), c.evidence,
                c.deliveredAsPlanned, c.status, c.reason, c.submittedAt, c.decidedAt, c.version);
    }

    static PaymentView view(Payment p, InvestmentCase c) {
        BigDecimal base = BigDecimal.ZERO.setScale(2);
        List<PaymentView.MetricAmount> metrics = new ArrayList<>();
        for (Map.Entry<UUID, BigDecimal> e : p.perMetricMap().entrySet()) {
            if (e.getKey().equals(Terms.BASE)) {
                base = e.getValue();
            } else if (!e.getKey().equals(Terms.TERMINATION)) {
                metrics.add(new PaymentView.MetricAmount(e.getKey(), c.money(e.getValue())));
            }
        }
        return new PaymentView(p.id, p.claimId, p.kind, p.period, p.termsNumber, c.money(p.total),
                c.money(base), metrics, p.perPayerMap().entrySet().stream()
                .map(e -> new PaymentView.PayerAmount(e.getKey(), c.money(e.getValue()))).toList(),
                p.parts().stream().map(x -> new PaymentView.Part(x.organisationId(), x.tranche(),
                        c.money(x.principal()), c.money(x.returns()))).toList(),
                p.createdAt);
    }
}
