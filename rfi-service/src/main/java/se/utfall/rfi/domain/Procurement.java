package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A procurement that follows an evaluated RFI: phases that down-select the shortlisted respondents (PCP's solution
 * design, prototype, field test), one gate after each, and an award after the last. Its row is the lock of every
 * gate: deciding takes it exclusively, so two buyers deciding one gate leave one decision.
 */
@Entity
@Table(name = "procurement")
public class Procurement extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    @Column(name = "owner_org_id", nullable = false, updatable = false)
    public UUID ownerOrgId;
    @Column(name = "owner_org_name", updatable = false)
    public String ownerOrgName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_buyer_org_ids", columnDefinition = "uuid[]", nullable = false, updatable = false)
    public List<UUID> coBuyerOrgIds;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public ProcurementStatus status;
    /** The phase running now (1…n); after the award, the last. */
    @Column(name = "current_phase")
    public int currentPhase;
    @Version
    public long version;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "created_by", updatable = false)
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "awarded_at")
    public Instant awardedAt;
    @Column(name = "award_reasons")
    public String awardReasons;

    /** The buying organisation and the challenge's co-buyers: they evaluate at the gates. */
    public List<UUID> buyers() {
        List<UUID> all = new ArrayList<>();
        all.add(ownerOrgId);
        all.addAll(coBuyerOrgIds);
        return all;
    }

    /** The gate after {@code phase} is the one due now: the phase is the current one and nothing was awarded. */
    public void requireGateOf(int phase) {
        if (status != ProcurementStatus.RUNNING) {
            throw RuleViolation.conflict("The procurement was awarded; its gates are decided.")
                    .as("procurement-awarded", "The procurement was awarded");
        }
        if (phase != currentPhase) {
            throw RuleViolation.conflict(phase < currentPhase ? "The gate after phase " + phase + " was decided."
                    : "Phase " + phase + " has not begun; phase " + currentPhase + " runs now.")
                    .as(phase < currentPhase ? "gate-decided" : "phase-not-current", "Not this phase's gate");
        }
    }

    /** After a gate: the next phase runs. */
    public void advance(Instant now) {
        currentPhase++;
        updatedAt = now;
    }

    /** After the last gate: awarded. */
    public void award(String reasons, Instant now) {
        status = ProcurementStatus.AWARDED;
        awardReasons = reasons;
        awardedAt = now;
        updatedAt = now;
    }
}
