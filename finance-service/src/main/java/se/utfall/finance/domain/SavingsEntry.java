package se.utfall.finance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of the savings ledger: for an outcome goal and a period, what the need would have cost without the new
 * solution (the counterfactual, with its method and source) and what it cost with it; how much would have
 * happened anyway (deadweight) and how much is due to the intervention (attribution); how much is cashable (money
 * that leaves a budget) rather than capacity freed; and whose budget it lands in.
 */
@Entity
@Table(name = "savings_entry")
public class SavingsEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;
    @Column(name = "goal_id", nullable = false, updatable = false)
    public UUID goalId;
    @Column(nullable = false, updatable = false)
    public String period;
    @Column(name = "baseline_cost", nullable = false, updatable = false)
    public BigDecimal baselineCost;
    @Column(name = "actual_cost", nullable = false, updatable = false)
    public BigDecimal actualCost;
    @Column(nullable = false, updatable = false)
    public String currency;
    @Column(nullable = false, updatable = false)
    public String method;
    @Column(nullable = false, updatable = false)
    public String source;
    @Column(name = "deadweight_percent", nullable = false, updatable = false)
    public BigDecimal deadweightPercent;
    @Column(name = "attribution_percent", nullable = false, updatable = false)
    public BigDecimal attributionPercent;
    @Column(name = "cashable_percent", nullable = false, updatable = false)
    public BigDecimal cashablePercent;
    @Column(name = "budget_holder", nullable = false, updatable = false)
    public String budgetHolder;
    @Column(name = "recorded_by_org", nullable = false, updatable = false)
    public UUID recordedByOrg;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** Baseline minus actual: negative when the new solution cost more. */
    public BigDecimal gross() {
        return baselineCost.subtract(actualCost);
    }

    /**
     * The saving due to the intervention: gross × (1 − deadweight) × attribution, rounded half-even to öre once.
     */
    public BigDecimal net() {
        BigDecimal keep = BigDecimal.ONE.subtract(deadweightPercent.movePointLeft(2));
        return gross().multiply(keep).multiply(attributionPercent.movePointLeft(2)).setScale(2,
                RoundingMode.HALF_EVEN);
    }

    /** The cashable part of the net saving (half-even to öre); the rest is capacity freed. */
    public BigDecimal cashable() {
        return net().multiply(cashablePercent.movePointLeft(2)).setScale(2, RoundingMode.HALF_EVEN);
    }

    public BigDecimal capacity() {
        return net().subtract(cashable());
    }
}
