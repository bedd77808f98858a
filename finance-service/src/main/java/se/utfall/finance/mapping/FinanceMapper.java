package se.utfall.finance.mapping;

import se.utfall.finance.api.AwardedContractView;
import se.utfall.finance.api.CaseView;
import se.utfall.finance.api.ClaimView;
import se.utfall.finance.api.ContractView;
import se.utfall.finance.api.PaymentView;
import se.utfall.finance.api.CommitmentView;
import se.utfall.finance.api.FitView;
import se.utfall.finance.api.InvestorView;
import se.utfall.finance.api.MandateRequest;
import se.utfall.finance.domain.AwardedContract;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.Disclosure;
import se.utfall.finance.domain.Fit;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.Investor;
import se.utfall.finance.messaging.CaseEventData;
import se.utfall.finance.messaging.ClaimEventData;
import se.utfall.finance.messaging.ContractEventData;
import se.utfall.finance.messaging.PaymentEventData;
import se.utfall.finance.messaging.TerminationEventData;
import se.utfall.finance.messaging.CommitmentEventData;
import se.utfall.web.json.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Entities ↔ API records ↔ event records. */
public final class FinanceMapper {
    private FinanceMapper() {
    }

    public static void apply(MandateRequest r, Investor i) {
        i.name = r.name().strip();
        i.sectors = JsonText.write(distinct(r.sectors()));
        i.sdgTargets = JsonText.write(distinct(r.sdgTargets()));
        i.municipalityCodes = JsonText.write(distinct(r.municipalityCodes()));
        i.national = r.national();
        i.ticketMin = r.ticketMin().amount();
        i.ticketMax = r.ticketMax().amount();
        i.currency = r.ticketMin().currency().getCurrencyCode();
        i.instruments = JsonText.write(r.instruments().stream().distinct().toList());
        i.returnMinPercent = r.returnMinPercent();
        i.returnMaxPercent = r.returnMaxPercent();
        i.maxLossPercent = r.maxLossPercent();
    }

    public static InvestorView toView(Investor i) {
        return new InvestorView(i.id, i.orgId, i.orgName, i.name, i.sectorList(), i.sdgTargetList(),
                i.municipalityList(), i.national, i.ticketMinimum(), i.ticketMaximum(), i.instrumentList(),
                i.returnMinPercent, i.returnMaxPercent, i.maxLossPercent, i.version, i.createdAt, i.updatedAt);
    }

    public static CaseView toView(InvestmentCase c) {
        return toView(c, null);
    }

    /** A case with the procurement contract awarded to its response ({@code award} null: none). */
    public static CaseView toView(InvestmentCase c, AwardedContract award) {
        return new CaseView(c.id, c.challengeId, c.rfiId, c.responseId, c.title, c.municipalityCode, c.buyerOrgId,
                c.providerOrgId, c.status, c.capital(), c.committedMoney(), c.remaining(), c.durationMonths,
                c.goalIds(), c.version, c.openedAt, c.fundedAt, award == null ? null
                        : new AwardedContractView(award.id, award.procurementId, award.ocid, award.value(),
                                award.startsOn, award.endsOn, award.signedAt));
    }

    public static CaseEventData toEvent(InvestmentCase c) {
        return new CaseEventData(c.id, c.challengeId, c.rfiId, c.responseId, c.title, c.municipalityCode,
                c.status.name(), c.capital(), c.committedMoney(), c.durationMonths, c.goalIds(), c.version,
                c.openedAt, c.fundedAt);
    }

    public static CommitmentView toView(Commitment m) {
        return new CommitmentView(m.id, m.caseId, m.investorOrgId, m.money(), m.tranche, m.status, m.version,
                m.createdAt, m.withdrawnAt);
    }

    public static CommitmentEventData toEvent(Commitment m, InvestmentCase c, Instant at) {
        return new CommitmentEventData(m.id, m.caseId, m.investorOrgId, m.money(), m.tranche.name(),
                m.status.name(), c.committedMoney(), at);
    }

    public static FitView toView(Fit f) {
        return new FitView(f.score(), f.eligible(), f.reasons().stream()
                .map(r -> new FitView.Reason(r.criterion(), r.matched(), r.en(), r.sv())).toList());
    }

    /** The public form of a version of the terms: only the schedule when the payer keeps the terms PRIVATE. */
    public static ContractEventData toEvent(ContractView v) {
        boolean shown = Disclosure.shown(v.disclosure().terms());
        return new ContractEventData(v.id(), v.caseId(), !shown ? List.of() : v.metrics().stream()
                .map(m -> new ContractEventData.Metric(m.goalId(), m.pricePerUnit(), m.cap(), m.minimumUnits()))
                .toList(), shown ? v.overallCap() : null, !shown ? List.of() : v.payers().stream()
                .map(p -> new ContractEventData.Payer(p.organisationId(), p.share(), p.cap())).toList(),
                shown ? v.returnCapPercent() : BigDecimal.ZERO, v.verifierOrgId(), v.signedAt(), v.version(),
                v.termsNumber(), v.effectiveFrom(), shown ? v.basePaymentPercent() : null, v.paymentPoints().stream()
                .map(p -> new ContractEventData.Point(p.period(), p.kind().name())).toList(),
                v.disclosure().terms().name());
    }

    public static TerminationEventData toEvent(ContractView v, Instant at) {
        ContractView.Termination t = v.termination();
        return new TerminationEventData(v.id(), v.caseId(), t.trigger().name(), t.effectiveOn(),
                t.compensation().name(), Disclosure.shown(v.disclosure().payments()) ? t.paid() : null, at);
    }

    public static ClaimEventData toEvent(ClaimView v) {
        return new ClaimEventData(v.id(), v.caseId(), v.period(), v.units().stream()
                .map(u -> new ClaimEventData.Units(u.goalId(), u.units())).toList(), v.status().name(), v.reason(),
                v.submittedAt(), v.decidedAt(), v.deliveredAsPlanned());
    }

    public static PaymentEventData toEvent(PaymentView v, UUID caseId) {
        return new PaymentEventData(v.id(), caseId, v.claimId(), v.total(), v.perMetric().stream()
                .map(m -> new PaymentEventData.Amount(m.goalId(), m.amount())).toList(), v.perPayer().stream()
                .map(p -> new PaymentEventData.Amount(p.organisationId(), p.amount())).toList(), v.distribution()
                .stream().map(d -> new PaymentEventData.Part(d.organisationId(), d.tranche() == null ? null
                        : d.tranche().name(), d.principal(), d.returns())).toList(), v.createdAt(), v.kind(),
                v.period(), v.termsNumber(), v.basePayment());
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
