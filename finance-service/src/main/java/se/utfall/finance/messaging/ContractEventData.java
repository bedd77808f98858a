package se.utfall.finance.messaging;

import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code se.utfall.contract.signed.v1} and {@code se.utfall.contract.varied.v1} (schema
 * outcome-contract.v1, public): the terms of a version and from when they apply. When the payer keeps the terms
 * PRIVATE, the metrics are empty and the amounts null. Never who invested what.
 */
public record ContractEventData(UUID id, UUID caseId, List<Metric> metrics, Money overallCap, List<Payer> payers,
        BigDecimal returnCapPercent, UUID verifierOrgId, Instant signedAt, long version, Integer termsNumber,
        LocalDate effectiveFrom, BigDecimal basePaymentPercent, List<Point> paymentPoints, String termsStatus) {

    public record Metric(UUID goalId, Money pricePerUnit, Money cap, BigDecimal minimumUnits) {
    }

    public record Payer(UUID organisationId, BigDecimal share, Money cap) {
    }

    public record Point(String period, String kind) {
    }
}
