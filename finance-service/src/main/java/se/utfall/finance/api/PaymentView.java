package se.utfall.finance.api;

import se.utfall.finance.domain.Tranche;
import se.utfall.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment due for a validated claim, and where it goes; every list sums exactly to {@code total}. */
public record PaymentView(UUID id, UUID claimId, Money total, List<MetricAmount> perMetric,
        List<PayerAmount> perPayer, List<Part> distribution, Instant createdAt) {

    public record MetricAmount(UUID goalId, Money amount) {
    }

    public record PayerAmount(UUID organisationId, Money amount) {
    }

    /** An investor's principal and return (tranche null: the provider's residual). */
    public record Part(UUID organisationId, Tranche tranche, Money principal, Money returns) {
    }
}
