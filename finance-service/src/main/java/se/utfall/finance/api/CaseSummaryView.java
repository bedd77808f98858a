package se.utfall.finance.api;

import se.utfall.finance.domain.CaseStatus;
import se.utfall.finance.domain.ContractStatus;
import se.utfall.finance.domain.Tranche;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A case at a glance. Anyone sees the public aggregate as the contract's disclosure allows (a field kept PRIVATE
 * is null for outsiders); the parties see every field, and {@code investors} holds the positions the caller may
 * see (all for the payer, the provider, the verifier and coordinators; its own for an investor; none otherwise).
 */
public record CaseSummaryView(UUID caseId, UUID challengeId, String title, CaseStatus status,
        ContractStatus contractStatus, DisclosureView disclosure, Money capitalRequired, Money committed,
        List<TrancheAmount> committedByTranche, Money overallCap, Money paid, Money remainingOverallCap,
        List<PeriodPayment> payments, List<GoalResult> goals, Savings savings, List<InvestorPosition> investors) {

    public record TrancheAmount(Tranche tranche, Money committed) {
    }

    /** What a payment point (or a termination) paid, and the base payment's part of it. */
    public record PeriodPayment(String period, String kind, int termsNumber, Money total, Money basePayment) {
    }

    /** An outcome goal's verified units so far against its baseline and target, and per period. */
    public record GoalResult(UUID goalId, String indicator, String unit, BigDecimal baselineValue,
            BigDecimal targetValue, BigDecimal verified, List<PeriodUnits> perPeriod) {
    }

    public record PeriodUnits(String period, BigDecimal units) {
    }

    /**
     * The savings ledger summed, and the buyer's position: net savings less what the payers paid ("not more
     * expensive for the buyer" is {@code netToBuyer >= 0}; both null for outsiders when payments are PRIVATE).
     * Exact amounts in the case's currency, to the öre (sums of many lines, and signed: plain decimals).
     */
    public record Savings(String currency, BigDecimal baselineCost, BigDecimal actualCost, BigDecimal gross,
            BigDecimal net, BigDecimal cashable, BigDecimal capacity, BigDecimal paidByPayers, BigDecimal netToBuyer) {
    }

    /**
     * An investor's position: put in, principal and return back, the multiple (back ÷ in, 4 decimals) and the
     * annual IRR (a fraction, 4 decimals; flows dated in Europe/Stockholm: the commitment on signing, each payment
     * on its day; null until something came back).
     */
    public record InvestorPosition(UUID organisationId, Tranche tranche, Money committed, Money principalBack,
            Money returnBack, BigDecimal multiple, BigDecimal irr) {
    }
}
