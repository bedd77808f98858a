package se.utfall.finance.api;

import se.utfall.finance.domain.Tranche;
import se.utfall.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payment due for a validated claim (OUTCOME) or an early termination (TERMINATION), and where it goes:
 * {@code basePayment} plus {@code perMetric} (or the termination's compensation alone) is {@code total}, and so is
 * each of {@code perPayer} and {@code distribution}.
 */
public record PaymentView(UUID id, UUID claimId, String kind, String period, int termsNumber, Money total,
        Money basePayment, List<MetricAmount> perMetric, List<PayerAmount> perPayer, List<Part> distribution,
        Instant createdAt) {

    public record MetricAmount(UUID goalId, Money amount) {
    }

    public record PayerAmount(UUID organisationId, Money amount) {
    }

    /** An investor's principal and return (tranche null: the provider's residual). */
    public record Part(UUID organisationId, Tranche tranche, Money principal, Money returns) {
    }
}
