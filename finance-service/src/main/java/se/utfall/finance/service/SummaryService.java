package se.utfall.finance.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.utfall.audit.Audit;
import se.utfall.finance.api.CaseSummaryView;
import se.utfall.finance.api.SavingsRequest;
import se.utfall.finance.api.SavingsView;
import se.utfall.finance.domain.ClaimStatus;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.ContractVersion;
import se.utfall.finance.domain.Disclosure;
import se.utfall.finance.domain.DisclosureStatus;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.KnownChallenge;
import se.utfall.finance.domain.OutcomeClaim;
import se.utfall.finance.domain.Payment;
import se.utfall.finance.domain.Returns;
import se.utfall.finance.domain.SavingsEntry;
import se.utfall.finance.domain.Settlement;
import se.utfall.finance.domain.Terms;
import se.utfall.finance.domain.Tranche;
import se.utfall.finance.mapping.IndigoExport;
import se.utfall.money.Money;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a case has come to: the summary (public aggregate and the parties' detail), the savings ledger the payer
 * keeps, and the INDIGO project document. Every figure is computed from the stored commitments, payments,
 * validated claims and ledger lines when asked, so it is never out of step with them.
 */
@ApplicationScoped
public class SummaryService {
    private final Audit audit;
    private final Clock clock;
    private final String ocidPrefix;

    public SummaryService(Audit audit, Clock clock,
            @ConfigProperty(name = "utfall.finance.ocid-prefix", defaultValue = "ocds-utfall") String ocidPrefix) {
        this.audit = audit;
        this.clock = clock;
        this.ocidPrefix = ocidPrefix;
    }

    /** Everything a summary or an export reads, for one case. */
    public record Snapshot(Participants ps, KnownChallenge challenge, List<ContractVersion> versions,
            List<Payment> payments, List<OutcomeClaim> validated, List<SavingsEntry> savings) {
        public InvestmentCase c() {
            return ps.c();
        }

        /** What an outsider may see of a field; a party sees everything. */
        public boolean shows(DisclosureStatus status) {
            return ps.isParty() || Disclosure.shown(status);
        }

        public Disclosure disclosure() {
            return ps.contract() == null ? Disclosure.PUBLISHED : ps.contract().disclosed();
        }
    }

    @WithSession
    public Uni<CaseSummaryView> summary(UUID caseId, Reader actor, boolean coordinator) {
        return snapshot(caseId, actor, coordinator).map(SummaryService::summary);
    }

    /** The INDIGO project document of a contracted case, as the disclosure allows (public). */
    @WithSession
    public Uni<ObjectNode> indigo(UUID caseId) {
        return snapshot(caseId, Reader.ANONYMOUS, false).map(s -> {
            if (s.ps().contract() == null) {
                throw RuleViolation.notFound("contract");
            }
            return IndigoExport.project(new IndigoExport.Input(s.c(), s.ps().contract(), s.versions()
                    .get(s.versions().size() - 1).parsed(), s.challenge(), s.ps().commitments(), s.payments(),
                    s.validated(), ocidPrefix + "-" + s.c().rfiId));
        });
    }

    /** The payer's buyers record a line of the savings ledger, once per goal and period (409 otherwise). */
    @WithTransaction
    public Uni<SavingsView> record(UUID caseId, SavingsRequest r, Actor actor) {
        return InvestmentCase.<InvestmentCase>findById(caseId).chain(found -> {
            InvestmentCase c = actor.partyOrNotFound(found, x -> List.of(x.buyerOrgId), "case");
            return ContractService.contractOf(c).chain(k -> {
                Terms t = k.terms();
                RuleViolation.Problems p = new RuleViolation.Problems();
                if (!t.goalIds().contains(r.goalId())) {
                    p.add("goalId", "is not a priced outcome goal of the contract");
                }
                if (t.pointIndex(r.period()) < 0) {
                    p.add("period", "is not a payment point of the contract");
                }
                for (Object[] m : new Object[][] {{r.baselineCost(), "baselineCost.currency"}, {r.actualCost(),
                        "actualCost.currency"}}) {
                    if (!((Money) m[0]).currency().getCurrencyCode().equals(c.currency)) {
                        p.add((String) m[1], "must be " + c.currency + ", the case's currency");
                    }
                }
                p.throwIfAny(RuleViolation.Kind.INVALID, "The savings line has invalid fields");
                return SavingsEntry.count("caseId = ?1 and goalId = ?2 and period = ?3", c.id, r.goalId(),
                        r.period()).chain(n -> {
                            if (n > 0) {
                                throw RuleViolation.conflict("Savings for this goal and period are recorded already")
                                        .as("recorded-already", "Recorded already");
                            }
                            Instant now = clock.instant();
                            SavingsEntry e = new SavingsEntry();
                            e.id = UUID.randomUUID();
                            e.caseId = c.id;
                            e.goalId = r.goalId();
                            e.period = r.period();
                            e.baselineCost = r.baselineCost().amount();
                            e.actualCost = r.actualCost().amount();
                            e.currency = c.currency;
                            e.method = r.method().strip();
                            e.source = r.source().strip();
                            e.deadweightPercent = r.deadweightPercent();
                            e.attributionPercent = r.attributionPercent();
                            e.cashablePercent = r.cashablePercent();
                            e.budgetHolder = r.budgetHolder().strip();
                            e.recordedByOrg = actor.organisation();
                            e.recordedAt = now;
                            return e.<SavingsEntry>persistAndFlush()
                                    .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id), actor,
                                            "SAVINGS_RECORDED", now).withNote(r.period())))
                                    .map(x -> view(e, c));
                        });
            });
        });
    }

    /** The ledger's lines: for the parties, and for anyone when the savings are published. */
    @WithSession
    public Uni<List<SavingsView>> savings(UUID caseId, Reader actor, boolean coordinator) {
        return snapshot(caseId, actor, coordinator).map(s -> {
            if (s.ps().contract() == null || !s.shows(s.disclosure().savings())) {
                throw RuleViolation.notFound("savings");
            }
            return s.savings().stream().map(e -> view(e, s.c())).toList();
        });
    }

    Uni<Snapshot> snapshot(UUID caseId, Reader actor, boolean coordinator) {
        return Participants.of(caseId, actor, coordinator).chain(ps -> KnownChallenge.<KnownChallenge>findById(
                ps.c().challengeId).chain(challenge -> (ps.contract() == null ? Uni.createFrom().item(
                List.<ContractVersion>of()) : ContractService.versions(ps.contract().id)).chain(versions -> Payment
                .<Payment>list("caseId = ?1 order by createdAt, id", caseId).chain(payments -> OutcomeClaim
                .<OutcomeClaim>list("caseId = ?1 and status = ?2 order by submittedAt, id", caseId,
                        ClaimStatus.VALIDATED).chain(validated -> SavingsEntry.<SavingsEntry>list(
                        "caseId = ?1 order by period, goalId", caseId).map(savings -> new Snapshot(ps, challenge,
                        versions, payments, validated, savings)))))));
    }

    static CaseSummaryView summary(Snapshot s) {
        InvestmentCase c = s.c();
        Participants ps = s.ps();
        Disclosure d = s.disclosure();
        Terms latest = s.versions().isEmpty() ? null : s.versions().get(s.versions().size() - 1).parsed();
        BigDecimal paid = s.payments().stream().map(p -> p.total).reduce(zero(), BigDecimal::add);
        Map<Tranche, BigDecimal> byTranche = new EnumMap<>(Tranche.class);
        ps.commitments().forEach(m -> byTranche.merge(m.tranche, m.amount, BigDecimal::add));
        boolean termsShown = latest != null && s.shows(d.terms());
        return new CaseSummaryView(c.id, c.challengeId, c.title, c.status, ps.contract() == null ? null
                : ps.contract().status, ContractService.view(d), c.capital(), c.committedMoney(),
                !s.shows(d.investments()) ? null : byTranche.entrySet().stream().map(e ->
                        new CaseSummaryView.TrancheAmount(e.getKey(), c.money(e.getValue()))).toList(),
                termsShown ? c.money(latest.overallCap()) : null,
                s.shows(d.payments()) ? c.money(paid) : null,
                termsShown && s.shows(d.payments()) ? c.money(latest.overallCap().subtract(paid).max(zero())) : null,
                !s.shows(d.payments()) ? null : s.payments().stream().map(p -> new CaseSummaryView.PeriodPayment(
                        p.period, p.kind, p.termsNumber, c.money(p.total), c.money(p.perMetricMap()
                        .getOrDefault(Terms.BASE, zero())))).toList(),
                !s.shows(d.results()) ? null : goals(s),
                !s.shows(d.savings()) ? null : savings(s, s.shows(d.payments()) ? paid : null),
                positions(s));
    }

    private static List<CaseSummaryView.GoalResult> goals(Snapshot s) {
        Map<UUID, KnownChallenge.Goal> described = new LinkedHashMap<>();
        if (s.challenge() != null) {
            s.challenge().goals().forEach(g -> described.put(g.id(), g));
        }
        List<CaseSummaryView.GoalResult> out = new ArrayList<>();
        for (UUID goal : s.c().goalIds()) {
            List<CaseSummaryView.PeriodUnits> perPeriod = new ArrayList<>();
            BigDecimal verified = BigDecimal.ZERO;
            for (OutcomeClaim claim : s.validated()) {
                BigDecimal u = claim.unitsByGoal().get(goal);
                if (u != null) {
                    perPeriod.add(new CaseSummaryView.PeriodUnits(claim.period, u));
                    verified = verified.add(u);
                }
            }
            KnownChallenge.Goal g = described.get(goal);
            out.add(new CaseSummaryView.GoalResult(goal, g == null ? null : g.indicator(), g == null ? null
                    : g.unit(), g == null ? null : g.baselineValue(), g == null ? null : g.targetValue(), verified,
                    perPeriod));
        }
        return out;
    }

    private static CaseSummaryView.Savings savings(Snapshot s, BigDecimal paid) {
        InvestmentCase c = s.c();
        BigDecimal baseline = zero();
        BigDecimal actual = zero();
        BigDecimal net = zero();
        BigDecimal cashable = zero();
        for (SavingsEntry e : s.savings()) {
            baseline = baseline.add(e.baselineCost);
            actual = actual.add(e.actualCost);
            net = net.add(e.net());
            cashable = cashable.add(e.cashable());
        }
        return new CaseSummaryView.Savings(c.currency, baseline, actual, baseline.subtract(actual), net, cashable,
                net.subtract(cashable), paid, paid == null ? null : net.subtract(paid));
    }

    private static List<CaseSummaryView.InvestorPosition> positions(Snapshot s) {
        InvestmentCase c = s.c();
        Participants ps = s.ps();
        Map<UUID, BigDecimal[]> back = Settlement.backToInvestors(s.payments());
        List<CaseSummaryView.InvestorPosition> out = new ArrayList<>();
        for (Commitment m : ps.commitments()) {
            if (!ps.sees(m.investorOrgId)) {
                continue;
            }
            BigDecimal[] sums = back.getOrDefault(m.investorOrgId, new BigDecimal[] {zero(), zero()});
            BigDecimal received = sums[0].add(sums[1]);
            List<Returns.Flow> flows = new ArrayList<>();
            if (ps.contract() != null) {
                flows.add(new Returns.Flow(ps.contract().signedAt.atZone(ContractService.STOCKHOLM).toLocalDate(),
                        m.amount.negate()));
                for (Payment p : s.payments()) {
                    BigDecimal in = p.parts().stream().filter(x -> x.tranche() != null
                            && x.organisationId().equals(m.investorOrgId)).map(x -> x.principal().add(x.returns()))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (in.signum() > 0) {
                        flows.add(new Returns.Flow(p.createdAt.atZone(ContractService.STOCKHOLM).toLocalDate(), in));
                    }
                }
            }
            out.add(new CaseSummaryView.InvestorPosition(m.investorOrgId, m.tranche, c.money(m.amount),
                    c.money(sums[0]), c.money(sums[1]), m.tranche == Tranche.GRANT ? null
                    : Returns.multiple(received, m.amount), m.tranche == Tranche.GRANT ? null : Returns.irr(flows)));
        }
        return out;
    }

    static SavingsView view(SavingsEntry e, InvestmentCase c) {
        return new SavingsView(e.id, e.goalId, e.period, c.money(e.baselineCost), c.money(e.actualCost), e.method,
                e.source, e.deadweightPercent, e.attributionPercent, e.cashablePercent, e.budgetHolder,
                c.currency, e.gross(), e.net(), e.cashable(), e.capacity(), e.recordedAt);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

}
