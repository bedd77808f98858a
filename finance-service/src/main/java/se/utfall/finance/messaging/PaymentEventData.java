package se.utfall.finance.messaging;

import se.utfall.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of {@code se.utfall.payment.due.v1} (schema payment.v1, internal): every list sums to the total. */
public record PaymentEventData(UUID id, UUID caseId, UUID claimId, Money total, List<Amount> perMetric,
        List<Amount> perPayer, List<Part> distribution, Instant createdAt,
        String kind, String period, Integer termsNumber, Money basePayment) {

    /** An amount for a goal or a payer. */
    public record Amount(UUID id, Money amount) {
    }

    /** An investor's principal and return, or the provider's residual (tranche null). */
    public record Part(UUID organisationId, String tranche, Money principal, Money returns) {
    }
}
