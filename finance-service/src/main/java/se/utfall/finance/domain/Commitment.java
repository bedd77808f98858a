package se.utfall.finance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.utfall.money.Money;
import se.utfall.web.problem.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An investor organisation's commitment of an amount, in a tranche, to a case. */
@Entity
@Table(name = "commitment")
public class Commitment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;
    @Column(name = "investor_org_id", nullable = false, updatable = false)
    public UUID investorOrgId;
    @Column(nullable = false, updatable = false)
    public BigDecimal amount;
    @Column(nullable = false, updatable = false)
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Tranche tranche;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentStatus status;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public Money money() {
        return Money.ofNullable(amount, currency);
    }

    public void withdraw(Instant now) {
        if (status != CommitmentStatus.ACTIVE) {
            throw RuleViolation.conflict("The commitment was withdrawn already");
        }
        status = CommitmentStatus.WITHDRAWN;
        withdrawnAt = now;
    }
}
