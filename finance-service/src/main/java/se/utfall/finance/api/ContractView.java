package se.utfall.finance.api;

import se.utfall.finance.domain.Compensation;
import se.utfall.finance.domain.ContractStatus;
import se.utfall.finance.domain.TerminationTrigger;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An outcome contract as its parties see it: the terms in force on the day asked for (today by default) with
 * their version number and first day, every version (what changed is in each version's terms, why and who
 * approved it here), and the termination once ended early.
 */
public record ContractView(UUID id, UUID caseId, ContractStatus status, int termsNumber, LocalDate effectiveFrom,
        List<ScenarioRequest.MetricPrice> metrics, Money overallCap, List<ScenarioRequest.Payer> payers,
        BigDecimal returnCapPercent, BigDecimal basePaymentPercent, Money basePayment,
        List<ContractRequest.Point> paymentPoints, List<ContractRequest.TerminationRule> terminationRules,
        DisclosureView disclosure, UUID verifierOrgId, Instant signedAt, List<Version> versions,
        Termination termination, long version) {

    /** A version of the terms: the signed one is number 1. */
    public record Version(int number, LocalDate effectiveFrom, String reason, UUID approvedByOrgId,
            Instant approvedAt) {
    }

    /** How the contract ended early, and what the payers paid for it. */
    public record Termination(TerminationTrigger trigger, String reason, LocalDate effectiveOn,
            Compensation compensation, Money paid) {
    }
}
