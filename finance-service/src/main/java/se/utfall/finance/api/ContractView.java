package se.utfall.finance.api;

import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A signed outcome contract's terms. */
public record ContractView(UUID id, UUID caseId, List<ScenarioRequest.MetricPrice> metrics,
        Money overallCap, List<ScenarioRequest.Payer> payers, BigDecimal returnCapPercent,
        UUID verifierOrgId, Instant signedAt, long version) {
}
