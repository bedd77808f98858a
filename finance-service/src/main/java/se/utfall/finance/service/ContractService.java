package se.utfall.finance.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.audit.Audit;
import se.utfall.events.EventTypes;
import se.utfall.finance.api.ContractRequest;
import se.utfall.finance.api.ContractView;
import se.utfall.finance.api.DisclosureView;
import se.utfall.finance.api.ScenarioRequest;
import se.utfall.finance.api.TerminationRequest;
import se.utfall.finance.api.VariationRequest;
import se.utfall.finance.domain.ClaimStatus;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.CommitmentStatus;
import se.utfall.finance.domain.Compensation;
import se.utfall.finance.domain.ContractStatus;
import se.utfall.finance.domain.ContractVersion;
import se.utfall.finance.domain.Disclosure;
import se.utfall.finance.domain.DisclosureStatus;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.OutcomeClaim;
import se.utfall.finance.domain.OutcomeContract;
import se.utfall.finance.domain.Payment;
import se.utfall.finance.domain.PaymentEngine;
import se.utfall.finance.domain.Period;
import se.utfall.finance.domain.PointKind;
import se.utfall.finance.domain.Settlement;
import se.utfall.finance.domain.Terms;
import se.utfall.finance.domain.Tranche;
import se.utfall.finance.domain.Waterfall;
import se.utfall.finance.mapping.FinanceMapper;
import se.utfall.finance.messaging.FinanceEvents;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Outcome contracts: the payer signs the terms of a funded case naming an independent verifier, varies them (a new
 * version from a date, never for a period already claimed, never a cap below what is paid) and may end the
 * contract early (the compensation its terms name for the trigger, through the waterfall). Every version is kept;
 * the terms in force on any day can be shown.
 */
@ApplicationScoped
public class ContractService {
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

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
            return activeCommitments(c.id).chain(commitments -> {
                Set<UUID> parties = new HashSet<>(List.of(c.buyerOrgId, c.providerOrgId));
                commitments.forEach(m -> parties.add(m.investorOrgId));
                RuleViolation.Problems p = new RuleViolation.Problems();
                if (parties.contains(r.verifierOrgId())) {
                    p.add("verifierOrgId", "must be independent: not the payer, the provider or an investor");
                }
                Terms terms = terms(c, r, "", p);
                p.throwIfAny(RuleViolation.Kind.INVALID, "The contract has invalid fields");
                Instant now = clock.instant();
                c.contract(now);
                OutcomeContract k = new OutcomeContract();
                k.id = UUID.randomUUID();
                k.caseId = c.id;
                k.status = ContractStatus.ACTIVE;
                k.termsNumber = 1;
                k.terms = JsonText.write(terms);
                k.disclosure = JsonText.write(disclosure(r.disclosure(), Disclosure.PUBLISHED));
                k.verifierOrgId = r.verifierOrgId();
                k.signedBy = actor.subject();
                k.signedAt = now;
                ContractVersion v = version(k, 1, now.atZone(STOCKHOLM).toLocalDate(), null, actor, now);
                return k.<OutcomeContract>persist().chain(() -> v.<ContractVersion>persist())
                        .chain(() -> c.<InvestmentCase>persistAndFlush())
                        .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id), actor, "CONTRACT_SIGNED",
                                now).withNote(k.id.toString())))
                        .map(x -> view(k, c, List.of(v), null, v))
                        .call(view -> events.contract(EventTypes.CONTRACT_SIGNED, FinanceMapper.toEvent(view)));
            });
        });
    }

    /**
     * A variation by the payer: the whole new terms from {@code effectiveFrom} (today or later, after the last day
     * of every period claimed so far), caps never below what is paid already; If-Match on the contract.
     */
    @WithTransaction
    public Uni<ContractView> vary(UUID caseId, VariationRequest r, Precondition ifMatch, Actor actor) {
        return lockedContract(caseId, actor).chain(l -> {
            l.k().requireActive("vary");
            ifMatch.require(l.k().version);
            RuleViolation.Problems p = new RuleViolation.Problems();
            if (!r.terms().verifierOrgId().equals(l.k().verifierOrgId)) {
                p.add("terms.verifierOrgId", "cannot be changed by a variation");
            }
            Terms terms = terms(l.c(), r.terms(), "terms.", p);
            Instant now = clock.instant();
            LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
            if (r.effectiveFrom().isBefore(today)) {
                p.add("effectiveFrom", "must be today or later: a variation never applies backwards");
            }
            LocalDate previous = l.latestFrom();
            if (r.effectiveFrom().isBefore(previous)) {
                p.add("effectiveFrom", "must not be before " + previous + ", when the latest version takes effect");
            }
            return OutcomeClaim.<OutcomeClaim>list("caseId = ?1 and status <> ?2", l.c().id, ClaimStatus.DISPUTED)
                    .chain(claims -> Payment.<Payment>list("caseId", l.c().id).chain(paid -> {
                        claims.stream().map(x -> x.period).filter(x -> !Period.end(x).isBefore(r.effectiveFrom()))
                                .findFirst().ifPresent(x -> p.add("effectiveFrom", "must be after " + Period.end(x)
                                        + ", the last day of " + x + ", which is claimed already"));
                        capsCoverPaid(terms, paid, p);
                        p.throwIfAny(RuleViolation.Kind.INVALID, "The variation has invalid fields");
                        OutcomeContract k = l.k();
                        k.termsNumber = k.termsNumber + 1;
                        k.terms = JsonText.write(terms);
                        k.disclosure = JsonText.write(disclosure(r.terms().disclosure(), k.disclosed()));
                        ContractVersion v = version(k, k.termsNumber, r.effectiveFrom(), r.reason().strip(), actor,
                                now);
                        return v.<ContractVersion>persist().chain(() -> k.<OutcomeContract>persistAndFlush())
                                .call(x -> audit.record(Audit.Entry.of(CaseService.subject(l.c().id), actor,
                                        "CONTRACT_VARIED", now).withNote("version " + v.number + " from "
                                        + v.effectiveFrom)))
                                .chain(x -> versions(k.id)).map(all -> view(k, l.c(), all, null, v))
                                .call(view -> events.contract(EventTypes.CONTRACT_VARIED,
                                        FinanceMapper.toEvent(view)));
                    }));
        });
    }

    /**
     * Ends the contract early by the payer: refused while a claim awaits the verifier; the compensation the terms
     * name for the trigger (principal outstanding, with or without the return due) is paid within what is left of
     * the caps and distributed through the waterfall; the case is TERMINATED.
     */
    @WithTransaction
    public Uni<ContractView> terminate(UUID caseId, TerminationRequest r, Precondition ifMatch, Actor actor) {
        return lockedContract(caseId, actor).chain(l -> {
            l.k().requireActive("terminate");
            ifMatch.require(l.k().version);
            Instant now = clock.instant();
            if (!r.effectiveOn().equals(now.atZone(STOCKHOLM).toLocalDate())) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "The termination has invalid fields",
                        List.of(new RuleViolation.FieldProblem("effectiveOn", "must be today (Europe/Stockholm): a"
                                + " termination takes effect at once")));
            }
            return OutcomeClaim.count("caseId = ?1 and status = ?2", l.c().id, ClaimStatus.SUBMITTED).chain(open -> {
                if (open > 0) {
                    throw RuleViolation.conflict("A claim awaits the verifier; decide it first")
                            .as("claim-pending", "A claim is pending");
                }
                return Payment.<Payment>list("caseId = ?1 order by createdAt, id", l.c().id)
                        .chain(before -> activeCommitments(l.c().id).chain(commitments -> versions(l.k().id)
                                .chain(all -> {
                                    ContractVersion v = inForce(all, r.effectiveOn());
                                    Terms t = v.parsed();
                                    Compensation rule = t.compensationFor(r.trigger());
                                    Payment pay = compensation(l.c(), t, v.number, rule, before, commitments,
                                            r.effectiveOn(), now);
                                    OutcomeContract k = l.k();
                                    k.status = ContractStatus.TERMINATED;
                                    k.termination = JsonText.write(new OutcomeContract.Termination(r.trigger(),
                                            r.reason().strip(), r.effectiveOn(), rule, now));
                                    l.c().terminate(now);
                                    Uni<?> saved = pay == null ? Uni.createFrom().voidItem() : pay.persist();
                                    return saved.chain(() -> k.<OutcomeContract>persist())
                                            .chain(() -> l.c().<InvestmentCase>persistAndFlush())
                                            .call(x -> audit.record(Audit.Entry.of(CaseService.subject(l.c().id),
                                                    actor, "CONTRACT_TERMINATED", now).withNote(r.trigger().name())))
                                            .call(x -> pay == null ? Uni.createFrom().voidItem()
                                                    : events.paymentDue(FinanceMapper.toEvent(ClaimService.view(pay,
                                                    l.c()), l.c().id)))
                                            .map(x -> view(k, l.c(), all, pay == null ? null : pay.total,
                                                    latest(all)))
                                            .call(view -> events.contractTerminated(FinanceMapper.toEvent(view,
                                                    now)));
                                })));
            });
        });
    }

    /** The contract with the terms in force on {@code at} (today when null), for its parties only. */
    @WithSession
    public Uni<ContractView> get(UUID caseId, LocalDate at, Actor actor, boolean coordinator) {
        return Participants.of(caseId, actor.asReader(), coordinator).chain(ps -> {
            if (ps.contract() == null || !ps.isParty()) {
                throw RuleViolation.notFound("contract");
            }
            OutcomeContract k = ps.contract();
            LocalDate day = at != null ? at : clock.instant().atZone(STOCKHOLM).toLocalDate();
            return versions(k.id).chain(all -> Payment.<Payment>find("caseId = ?1 and kind = ?2", caseId,
                    Payment.TERMINATION).firstResult().map(t -> view(k, ps.c(), all, t == null ? null : t.total,
                    inForceOrFirst(all, day))));
        });
    }

    /** The compensation payment of a termination, or null when the rule pays nothing or nothing is owed. */
    private static Payment compensation(InvestmentCase c, Terms t, int termsNumber, Compensation rule,
            List<Payment> before, List<Commitment> commitments, LocalDate on, Instant now) {
        if (rule == Compensation.NONE) {
            return null;
        }
        List<Waterfall.Position> positions = Settlement.positions(commitments, before, t.returnCapPercent());
        BigDecimal owed = BigDecimal.ZERO.setScale(2);
        for (Waterfall.Position p : positions) {
            if (p.tranche() == Tranche.GRANT) {
                continue; // a grant is never repaid, not even when the contract ends early
            }
            owed = owed.add(p.principalOutstanding());
            if (rule == Compensation.OUTSTANDING_PRINCIPAL_AND_RETURN) {
                owed = owed.add(p.returnDue());
            }
        }
        if (owed.signum() == 0) {
            return null;
        }
        PaymentEngine.RateCard card = t.terminationCard(owed);
        Payment pay = Settlement.pay(c, card, List.of(BigDecimal.ONE), before, commitments, t.returnCapPercent(),
                termsNumber, now);
        pay.kind = Payment.TERMINATION;
        pay.period = on.toString();
        return pay;
    }

    /** The terms a request makes, each problem named under {@code prefix}. The one check of signed terms. */
    static Terms terms(InvestmentCase c, ContractRequest r, String prefix, RuleViolation.Problems p) {
        RuleViolation.Problems mine = new RuleViolation.Problems();
        PaymentEngine.RateCard card = ScenarioService.rateCard(c, r.metrics(), r.overallCap(), r.payers(), mine);
        mine.list().forEach(x -> p.add(prefix + x.field(), x.problem()));
        List<ContractRequest.Point> points = r.paymentPoints();
        Set<String> seen = new HashSet<>();
        LocalDate last = null;
        for (int i = 0; i < points.size(); i++) {
            ContractRequest.Point point = points.get(i);
            boolean isLast = i == points.size() - 1;
            if ((point.kind() == PointKind.FINAL) != isLast) {
                p.add(prefix + "paymentPoints[" + i + "].kind", "the last point, and only the last, is FINAL");
            }
            if (!seen.add(point.period())) {
                p.add(prefix + "paymentPoints[" + i + "].period", "is named twice");
            }
            LocalDate end = Period.end(point.period());
            if (last != null && !end.isAfter(last)) {
                p.add(prefix + "paymentPoints[" + i + "].period", "must end after the point before it");
            }
            last = end;
        }
        Set<Object> triggers = new HashSet<>();
        List<ContractRequest.TerminationRule> rules = r.terminationRules() == null ? List.of() : r.terminationRules();
        for (int i = 0; i < rules.size(); i++) {
            if (!triggers.add(rules.get(i).trigger())) {
                p.add(prefix + "terminationRules[" + i + "].trigger", "is named twice");
            }
        }
        return Terms.of(card, r.returnCapPercent(), r.basePaymentPercent(), points.stream()
                .map(x -> new Terms.PaymentPoint(x.period(), x.kind())).toList(), rules.stream()
                .map(x -> new Terms.TerminationRule(x.trigger(), x.compensation())).toList());
    }

    private static void capsCoverPaid(Terms t, List<Payment> paid, RuleViolation.Problems p) {
        PaymentEngine.RateCard card = t.rateCard();
        PaymentEngine.Paid before = Settlement.paidBefore(card, paid);
        if (t.overallCap().compareTo(before.total()) < 0) {
            p.add("terms.overallCap.amount", "must not be below " + before.total() + ", paid already");
        }
        for (int i = 0; i < card.metrics().size(); i++) {
            if (card.metrics().get(i).cap().compareTo(before.perMetric().get(i)) < 0) {
                p.add("terms.metrics[" + i + "].cap.amount", "must not be below " + before.perMetric().get(i)
                        + ", paid already");
            }
        }
        for (int i = 0; i < card.payers().size(); i++) {
            if (card.payers().get(i).cap().compareTo(before.perPayer().get(i)) < 0) {
                p.add("terms.payers[" + i + "].cap.amount", "must not be below " + before.perPayer().get(i)
                        + ", paid already");
            }
        }
        if (t.basePayment().signum() > 0) {
            PaymentEngine.Paid base = Settlement.paidBefore(t.rateCardAt(t.paymentPoints().get(0).period()), paid);
            if (t.basePayment().compareTo(base.perMetric().get(0)) < 0) {
                p.add("terms.basePaymentPercent", "must keep the base payment at or above " + base.perMetric().get(0)
                        + ", paid already");
            }
        }
    }

    private record Locked(InvestmentCase c, OutcomeContract k, List<ContractVersion> versions) {
        LocalDate latestFrom() {
            return versions.get(versions.size() - 1).effectiveFrom;
        }
    }

    /** The case (locked) and its contract, for the payer's buyers only (404 for anyone else). */
    private static Uni<Locked> lockedContract(UUID caseId, Actor actor) {
        return InvestmentCase.<InvestmentCase>findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            InvestmentCase c = actor.partyOrNotFound(found, x -> List.of(x.buyerOrgId), "case");
            return contractOf(c).chain(k -> versions(k.id).map(all -> new Locked(c, k, all)));
        });
    }

    static Uni<OutcomeContract> contractOf(InvestmentCase c) {
        return OutcomeContract.<OutcomeContract>find("caseId", c.id).firstResult().map(k -> {
            if (k == null) {
                throw RuleViolation.conflict("The case has no signed contract yet").as("no-contract",
                        "No contract yet");
            }
            return k;
        });
    }

    static Uni<List<ContractVersion>> versions(UUID contractId) {
        return ContractVersion.list("contractId = ?1 order by number", contractId);
    }

    static Uni<List<Commitment>> activeCommitments(UUID caseId) {
        return Commitment.list("caseId = ?1 and status = ?2 order by createdAt, id", caseId, CommitmentStatus.ACTIVE);
    }

    /** The version in force on {@code day}; a day before the first version took effect is a 409. */
    static ContractVersion inForce(List<ContractVersion> all, LocalDate day) {
        return ContractVersion.inForce(all, day, v -> v.effectiveFrom, v -> v.number).orElseThrow(() ->
                RuleViolation.conflict("No terms were in force on " + day).as("no-terms-in-force",
                        "No terms in force"));
    }

    private static ContractVersion inForceOrFirst(List<ContractVersion> all, LocalDate day) {
        return ContractVersion.inForce(all, day, v -> v.effectiveFrom, v -> v.number).orElse(all.get(0));
    }

    private static ContractVersion latest(List<ContractVersion> all) {
        return all.get(all.size() - 1);
    }

    private static ContractVersion version(OutcomeContract k, int number, LocalDate from, String reason, Actor actor,
            Instant now) {
        ContractVersion v = new ContractVersion();
        v.id = UUID.randomUUID();
        v.contractId = k.id;
        v.number = number;
        v.terms = k.terms;
        v.effectiveFrom = from;
        v.reason = reason;
        v.approvedByOrg = actor.organisation();
        v.approvedBy = actor.subject();
        v.approvedAt = now;
        return v;
    }

    /** What the request names, the rest as {@code current} (all PUBLIC at signing): a variation never publishes
     * a field by leaving it out. */
    private static Disclosure disclosure(DisclosureView d, Disclosure current) {
        return d == null ? current : new Disclosure(or(d.terms(), current.terms()), or(d.payments(),
                current.payments()), or(d.results(), current.results()), or(d.savings(), current.savings()),
                or(d.investments(), current.investments()));
    }

    private static DisclosureStatus or(DisclosureStatus s, DisclosureStatus current) {
        return s != null ? s : current;
    }

    static DisclosureView view(Disclosure d) {
        return new DisclosureView(d.terms(), d.payments(), d.results(), d.savings(), d.investments());
    }

    /** The contract with the terms of {@code shown}; {@code terminationPaid}: the compensation paid, if any. */
    static ContractView view(OutcomeContract k, InvestmentCase c, List<ContractVersion> all, BigDecimal terminationPaid,
            ContractVersion shown) {
        Terms t = shown.parsed();
        OutcomeContract.Termination end = k.terminated();
        return new ContractView(k.id, c.id, k.status, shown.number, shown.effectiveFrom, t.metrics().stream()
                .map(m -> new ScenarioRequest.MetricPrice(m.goalId(), c.money(m.pricePerUnit()), c.money(m.cap()),
                        m.minimumUnits())).toList(), c.money(t.overallCap()), t.payers().stream()
                .map(p -> new ScenarioRequest.Payer(p.organisationId(), p.share(), c.money(p.cap()))).toList(),
                t.returnCapPercent(), t.basePaymentPercent(), c.money(t.basePayment()), t.paymentPoints().stream()
                .map(p -> new ContractRequest.Point(p.period(), p.kind())).toList(), t.terminationRules().stream()
                .map(x -> new ContractRequest.TerminationRule(x.trigger(), x.compensation())).toList(),
                view(k.disclosed()), k.verifierOrgId, k.signedAt, all.stream().map(v -> new ContractView.Version(
                        v.number, v.effectiveFrom, v.reason, v.approvedByOrg, v.approvedAt)).toList(),
                end == null ? null : new ContractView.Termination(end.trigger(), end.reason(), end.effectiveOn(),
                        end.compensation(), c.money(terminationPaid == null ? BigDecimal.ZERO : terminationPaid)),
                k.version);
    }

}
