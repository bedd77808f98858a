package se.utfall.rfi.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.utfall.money.Money;
import se.utfall.web.json.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * One phase of a procurement: its budget (the sum of its contracts never exceeds it), the most suppliers it takes,
 * a half-open window for the deliverables (from {@code opensAt}, strictly before {@code closesAt}), its weighted
 * criteria and the deliverables it asks for. Its row is the lock of its budget.
 */
@Entity
@Table(name = "procurement_phase")
public class Phase extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "procurement_id", nullable = false, updatable = false)
    public UUID procurementId;
    @Column(nullable = false, updatable = false)
    public int number;
    public String name;
    public String description;
    public BigDecimal budget;
    public String currency;
    @Column(name = "max_suppliers")
    public int maxSuppliers;
    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "closes_at")
    public Instant closesAt;
    @Column(name = "criteria", nullable = false)
    public String criteriaJson;
    @Column(name = "deliverables", nullable = false)
    public String deliverablesJson;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_reasons")
    public String decisionReasons;

    public List<Criterion> criteria() {
        return List.copyOf(JsonText.read(criteriaJson, new TypeReference<List<Criterion>>() { }));
    }

    public List<String> deliverables() {
        return List.copyOf(JsonText.read(deliverablesJson, new TypeReference<List<String>>() { }));
    }

    public Money budget() {
        return Money.of(budget, Currency.getInstance(currency));
    }

    /** Deliverables are handed in from the opening, strictly before the close. */
    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean hasClosed(Instant now) {
        return !now.isBefore(closesAt);
    }

    public boolean isDecided() {
        return decidedAt != null;
    }
}
