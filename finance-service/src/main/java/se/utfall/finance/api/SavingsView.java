package se.utfall.finance.api;

import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of the savings ledger with what it comes to, in the case's currency, exact to the öre and negative when
 * the new solution cost more: gross = baseline − actual; net = gross × (1 − deadweight) × attribution; cashable =
 * net × cashable share (each rounded half-even to öre once); capacity = net − cashable.
 */
public record SavingsView(UUID id, UUID goalId, String period, Money baselineCost, Money actualCost, String method,
        String source, BigDecimal deadweightPercent, BigDecimal attributionPercent, BigDecimal cashablePercent,
        String budgetHolder, String currency, BigDecimal gross, BigDecimal net, BigDecimal cashable,
        BigDecimal capacity, Instant recordedAt) {
}
