package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/** A contract of a procurement: a supplier's phase contract, or the contract of the award after the last phase. */
@Entity
@Table(name = "procurement_contract")
public class ProcurementContract extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "procurement_id", nullable = false, updatable = false)
    public UUID procurementId;
    /** The phase of a phase contract; the last phase for the award's. */
    @Column(name = "phase_id", updatable = false)
    public UUID phaseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ContractKind kind;
    @Column(name = "participation_id", nullable = false, updatable = false)
    public UUID participationId;
    @Column(name = "response_id", nullable = false, updatable = false)
    public UUID responseId;
    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;
    @Column(name = "organisation_name", updatable = false)
    public String organisationName;
    @Column(nullable = false, updatable = false)
    public BigDecimal value;
    @Column(nullable = false, updatable = false)
    public String currency;
    @Column(name = "starts_on", nullable = false, updatable = false)
    public LocalDate startsOn;
    @Column(name = "ends_on", nullable = false, updatable = false)
    public LocalDate endsOn;
    @Column(name = "signed_at", nullable = false, updatable = false)
    public Instant signedAt;
    @Column(name = "signed_by", nullable = false, updatable = false)
    public String signedBy;

    public Money value() {
        return Money.of(value, Currency.getInstance(currency));
    }
}
