package se.utfall.finance.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The provider's report of units achieved per outcome goal in a period, with evidence, until the verifier decides. */
@Entity
@Table(name = "outcome_claim")
public class OutcomeClaim extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;
    @Column(nullable = false, updatable = false)
    public String period;
    @Column(nullable = false, updatable = false)
    public String units;
    public String evidence;
    /** The provider says the intervention ran as planned in the period: the base payment's part is due with it. */
    @Column(name = "delivered_as_planned", nullable = false, updatable = false)
    public boolean deliveredAsPlanned;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status;
    public String reason;
    @Column(name = "submitted_by_org", nullable = false, updatable = false)
    public UUID submittedByOrg;
    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Version
    public long version;

    public Map<UUID, BigDecimal> unitsByGoal() {
        return JsonText.read(units, new TypeReference<Map<UUID, BigDecimal>>() { });
    }

    /** The claimed units in the order of {@code goals} (0 for a goal not claimed). */
    public List<BigDecimal> unitsFor(List<UUID> goals) {
        Map<UUID, BigDecimal> byGoal = unitsByGoal();
        return goals.stream().map(g -> byGoal.getOrDefault(g, BigDecimal.ZERO)).toList();
    }

    /** Validated once: validating the same claim again pays nothing more (409). */
    public void validate(Instant now) {
        requireSubmitted();
        status = ClaimStatus.VALIDATED;
        decidedAt = now;
    }

    public void dispute(String why, Instant now) {
        requireSubmitted();
        status = ClaimStatus.DISPUTED;
        reason = why;
        decidedAt = now;
    }

    private void requireSubmitted() {
        if (status != ClaimStatus.SUBMITTED) {
            throw RuleViolation.conflict("The claim is " + status + " already; it is decided once")
                    .as("claim-decided", "The claim is decided");
        }
    }
}
