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
import se.utfall.finance.api.ContractRequest;
import se.utfall.finance.api.ContractView;
import se.utfall.finance.api.PaymentView;
import se.utfall.finance.api.ScenarioRequest;
import se.utfall.finance.domain.ClaimStatus;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.CommitmentStatus;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.OutcomeClaim;
import se.utfall.finance.domain.OutcomeContract;
import se.utfall.finance.domain.Payment;
import se.utfall.finance.domain.PaymentEngine;
import se.utfall.finance.domain.Terms;
import se.utfall.finance.domain.Tranche;
import se.utfall.finance.domain.Waterfall;
import se.utfall.finance.mapping.FinanceMapper;
import se.utfall.finance.messaging.FinanceEvents;
import se.utfall.money.Money;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Outcome contracts, claims and payments: the payer signs the terms of a funded case, naming an independent
 * verifier; the provider claims units per period; the verifier validates (the payment due is computed and
 * distributed through the waterfall, once) or disputes with a reason. The case's row is locked for every
 * validation, so payments are computed one after the other against what was paid before.
 */
@ApplicationScoped
public class ContractService {
    private final FinanceEvents events;
    private final Audit audit;
    private final Clock clock;

    public ContractService(FinanceEvents events, Audit audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ContractView> sign(UUID caseId, ContractRequest r, Actor actor) {
        return InvestmentCase.<InvestmentCase>findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            InvestmentCase c = actor.partyOrNotFound(found, x -> List.of(x.buyerOrgId), "case");
            return Commitment.<Commitment>list("caseId = ?1 and status = ?2", c.id, CommitmentStatus.ACTIVE)
                    .chain(commitments -> {
                        Set<UUID> parties = new HashSet<>(List.of(c.buyerOrgId, c.providerOrgId));
                        commitments.forEach(m -> parties.add(m.investorOrgId));
                        RuleViolation.Problems p = new RuleViolation.Problems();
                        if (parties.contains(r.verifierOrgId())) {
                            p.add("verifierOrgId", "must be independent: not the payer, the provider or an investor");
                        }
                        PaymentEngine.RateCard card = ScenarioService.rateCard(c, r.metrics(), r.overallCap(),
                                r.payers(), p);
                        p.throwIfAny(RuleViolation.Kind.INVALID, "The contract has invalid fields");
                        Instant now = clock.instant();
                        c.contract(now);
                        OutcomeContract k = new OutcomeContract();
                        k.id = UUID.randomUUID();
                        k.caseId = c.id;
                        k.terms = JsonText.write(Terms.of(card, r.returnCapPercent()));
                        k.verifierOrgId = r.verifierOrgId();
                        k.signedBy = actor.subject();
                        k.signedAt = now;
                        return k.<OutcomeContract>persist().chain(() -> c.<InvestmentCase>persistAndFlush())
                                .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id),
                                        actor, "CONTRACT_SIGNED", now).withNote(k.id.toString())))
                                .map(x -> view(k, c))
                                .call(v -> events.contractSigned(FinanceMapper.toEvent(v)));
                    });
        });
    }

    private static ContractView view(OutcomeContract k, InvestmentCase c) {
        Terms t = k.terms();
        return new ContractView(k.id, c.id, t.metrics().stream().map(m -> new ScenarioRequest.MetricPrice(m.goalId(),
                money(c, m.pricePerUnit()), money(c, m.cap()), m.minimumUnits())).toList(), money(c, t.overallCap()),
                t.payers().stream().map(p -> new ScenarioRequest.Payer(p.organisationId(), p.share(),
                        money(c, p.cap()))).toList(), t.returnCapPercent(), k.verifierOrgId, k.signedAt, k.version);
    }

    /** The provider claims units for a period of a contracted case; one live claim per period. */
    @WithTransaction
    public Uni<ClaimView> claim(UUID caseId, ClaimRequest r, Actor actor) {
        return InvestmentCase.<InvestmentCase>findById(caseId).chain(found -> {
            InvestmentCase c = actor.partyOrNotFound(found, x -> List.of(x.providerOrgId), "case");
            return contractOf(c).chain(k -> {
                Terms t = k.terms();
                RuleViolation.Problems p = new RuleViolation.Problems();
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
                return OutcomeClaim.count("caseId = ?1 and period = ?2 and status <> ?3", c.id, r.period(),
                        ClaimStatus.DISPUTED).chain(live -> {
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
                            claim.status = ClaimStatus.SUBMITTED;
                            claim.submittedByOrg = actor.organisation();
                            claim.submittedAt = now;
                            return claim.<OutcomeClaim>persistAndFlush()
                                    .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id), actor,
                                            "CLAIM_SUBMITTED", now).withNote(r.period())))
                                    .map(ContractService::view)
                                    .call(v -> events.claim(EventTypes.CLAIM_SUBMITTED, FinanceMapper.toEvent(v)));
                        });
            });
        });
    }

    /** The verifier validates a claim: the payment due is computed and distributed, once (409 the second time). */
    @WithTransaction
    public Uni<PaymentView> validate(UUID claimId, Precondition ifMatch, Actor actor) {
        return decide(claimId, ifMatch, actor).chain(d -> {
            Instant now = clock.instant();
            d.claim().validate(now);
            return Payment.<Payment>list("caseId = ?1 order by createdAt, id", d.c().id).chain(before ->
                    Commitment.<Commitment>list("caseId = ?1 and status = ?2 order by createdAt, id", d.c().id,
                            CommitmentStatus.ACTIVE).chain(commitments -> {
                                Payment pay = compute(d.c(), d.terms(), d.claim(), before, commitments, now);
                                return d.claim().<OutcomeClaim>persist().chain(() -> pay.<Payment>persistAndFlush())
                                        .call(x -> audit.record(Audit.Entry.of(CaseService.subject(d.c().id), actor,
                                                "CLAIM_VALIDATED", now).withNote(d.claim().period)))
                                        .call(x -> events.claim(EventTypes.CLAIM_VALIDATED,
                                                FinanceMapper.toEvent(view(d.claim()))))
                                        .map(x -> view(x, d.terms(), d.c()))
                                        .call(v -> events.paymentDue(FinanceMapper.toEvent(v, d.c().id)));
                            }));
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
                    .map(ContractService::view)
                    .call(v -> events.claim(EventTypes.CLAIM_DISPUTED, FinanceMapper.toEvent(v)));
        });
    }

    /** The payments of a case, for its buyer, whoever opened it, the provider, the verifier and coordinators. */
    @WithSession
    public Uni<List<PaymentView>> payments(UUID caseId, Actor actor, boolean coordinator) {
        return InvestmentCase.<InvestmentCase>findById(caseId).chain(found -> OutcomeContract
                .<OutcomeContract>find("caseId", caseId).firstResult().chain(k -> {
                    InvestmentCase c = actor.asReader().visibleOrNotFound(found, x -> coordinator,
                            x -> k == null ? List.of(x.buyerOrgId, x.openedByOrgId, x.providerOrgId)
                                    : List.of(x.buyerOrgId, x.openedByOrgId, x.providerOrgId, k.verifierOrgId),
                            "case");
                    Terms terms = k == null ? null : k.terms();
                    return Payment.<Payment>list("caseId = ?1 order by createdAt, id", c.id).map(list -> list.stream()
                            .map(p -> view(p, terms, c)).toList());
                }));
    }

    private record Decision(OutcomeClaim claim, InvestmentCase c, Terms terms) {
    }

    /** The claim, its case locked, for the contract's verifier only (404 for anyone else), If-Match checked. */
    private static Uni<Decision> decide(UUID claimId, Precondition ifMatch, Actor actor) {
        return OutcomeClaim.<OutcomeClaim>findById(claimId).chain(claim -> {
            if (claim == null) {
                throw RuleViolation.notFound("claim");
            }
            return InvestmentCase.<InvestmentCase>findById(claim.caseId, LockModeType.PESSIMISTIC_WRITE)
                    .chain(c -> contractOf(c).map(k -> {
                        actor.partyOrNotFound(k, x -> List.of(x.verifierOrgId), "claim");
                        ifMatch.require(claim.version);
                        return new Decision(claim, c, k.terms());
                    }));
        });
    }

    private static Uni<OutcomeContract> contractOf(InvestmentCase c) {
        return OutcomeContract.<OutcomeContract>find("caseId", c.id).firstResult().map(k -> {
            if (k == null) {
                throw RuleViolation.conflict("The case has no signed contract yet").as("no-contract",
                        "No contract yet");
            }
            return k;
        });
    }

    /** What this claim pays, given every payment before it, and where it goes. */
    static Payment compute(InvestmentCase c, Terms t, OutcomeClaim claim, List<Payment> before,
            List<Commitment> commitments, Instant now) {
        PaymentEngine.RateCard card = t.rateCard();
        PaymentEngine.Paid paid = PaymentEngine.Paid.nothing(card);
        Map<UUID, BigDecimal[]> back = new LinkedHashMap<>();
        for (Payment p : before) {
            paid = new PaymentEngine.Paid(add(paid.perMetric(), p.perMetricList()), paid.total().add(p.total),
                    add(paid.perPayer(), p.perPayerList()));
            for (Payment.Part part : p.parts()) {
                if (part.tranche() != null) {
                    BigDecimal[] sums = back.computeIfAbsent(part.organisationId(),
                            o -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[0] = sums[0].add(part.principal());
                    sums[1] = sums[1].add(part.returns());
                }
            }
        }
        PaymentEngine.Due due = PaymentEngine.due(card, paid, claim.unitsFor(t.goalIds()));
        BigDecimal cap = t.returnCapPercent().movePointLeft(2);
        List<Waterfall.Position> positions = new ArrayList<>();
        for (Commitment m : commitments) {
            BigDecimal[] sums = back.getOrDefault(m.investorOrgId, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal returnCap = m.tranche == Tranche.GRANT ? BigDecimal.ZERO
                    : m.amount.multiply(cap).setScale(2, RoundingMode.HALF_EVEN);
            positions.add(new Waterfall.Position(m.investorOrgId, m.tranche,
                    m.amount.subtract(sums[0]).max(BigDecimal.ZERO), returnCap.subtract(sums[1]).max(BigDecimal.ZERO)));
        }
        Waterfall.Distribution d = Waterfall.distribute(due.total(), positions);
        List<Payment.Part> parts = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            parts.add(new Payment.Part(positions.get(i).investorOrgId(), positions.get(i).tranche(),
                    d.principal().get(i), d.returns().get(i)));
        }
        parts.add(new Payment.Part(c.providerOrgId, null, d.toProvider(), BigDecimal.ZERO.setScale(2)));
        Payment pay = new Payment();
        pay.id = UUID.randomUUID();
        pay.caseId = c.id;
        pay.claimId = claim.id;
        pay.total = due.total();
        pay.currency = c.currency;
        pay.perMetric = JsonText.write(due.perMetric());
        pay.perPayer = JsonText.write(due.perPayer());
        pay.distribution = JsonText.write(parts);
        pay.createdAt = now;
        return pay;
    }

    private static List<BigDecimal> add(List<BigDecimal> a, List<BigDecimal> b) {
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).add(b.get(i)));
        }
        return out;
    }

    private static ClaimView view(OutcomeClaim c) {
        return new ClaimView(c.id, c.caseId, c.period, c.unitsByGoal().entrySet().stream()
                .map(e -> new ClaimRequest.Units(e.getKey(), e.getValue())).toList(), c.evidence, c.status, c.reason,
                c.submittedAt, c.decidedAt, c.version);
    }

    private static PaymentView view(Payment p, Terms t, InvestmentCase c) {
        List<BigDecimal> perMetric = p.perMetricList();
        List<BigDecimal> perPayer = p.perPayerList();
        List<PaymentView.MetricAmount> metrics = new ArrayList<>();
        for (int i = 0; i < t.metrics().size(); i++) {
            metrics.add(new PaymentView.MetricAmount(t.metrics().get(i).goalId(), money(c, perMetric.get(i))));
        }
        List<PaymentView.PayerAmount> payers = new ArrayList<>();
        for (int i = 0; i < t.payers().size(); i++) {
            payers.add(new PaymentView.PayerAmount(t.payers().get(i).organisationId(), money(c, perPayer.get(i))));
        }
        return new PaymentView(p.id, p.claimId, money(c, p.total), metrics, payers, p.parts().stream()
                .map(x -> new PaymentView.Part(x.organisationId(), x.tranche(), money(c, x.principal()),
                        money(c, x.returns()))).toList(), p.createdAt);
    }

    private static Money money(InvestmentCase c, BigDecimal amount) {
        return Money.ofNullable(amount.setScale(2, RoundingMode.UNNECESSARY), c.currency);
    }
}
