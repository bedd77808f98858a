package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One evaluator's score of one supplier's phase deliverable on one of the phase's criteria, 0–5 as in an RFI's
 * evaluation; evaluators come from the buying organisation and the co-buyers.
 */
@Entity
@Table(name = "phase_score")
public class PhaseScore extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "phase_id", nullable = false, updatable = false)
    public UUID phaseId;
    @Column(name = "participation_id", nullable = false, updatable = false)
    public UUID participationId;
    @Column(nullable = false, updatable = false)
    public String evaluator;
    @Column(name = "evaluator_name")
    public String evaluatorName;
    @Column(name = "evaluator_org_id", nullable = false, updatable = false)
    public UUID evaluatorOrgId;
    @Column(name = "criterion_id", nullable = false, updatable = false)
    public UUID criterionId;
    @Column(nullable = false)
    public short score;
    public String comment;
    @Column(name = "scored_at", nullable = false)
    public Instant scoredAt;

    public Evaluation.Mark mark() {
        return new Evaluation.Mark(evaluator, criterionId, score);
    }
}
