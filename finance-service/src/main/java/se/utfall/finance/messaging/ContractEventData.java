package se.utfall.finance.messaging;

import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of {@code se.utfall.contract.signed.v1} (schema outcome-contract.v1, public). */
public record ContractEventData(UUID id, UUID caseId, List<Metric> metrics, Money overallCap, List<Payer> payers,
        BigDecimal returnCapPercent, UUID verifierOrgId, Instant signedAt, long version) {

    public record Metric(UUID goalId, Money pricePerUnit, Money cap, BigDecimal minimumUnits) {
    }

    public record Payer(UUID organisationId, BigDecimal share, Money cap) {
    }
}
