package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Units of an outcome goal an independent verifier validated for a period of an outcome contract (a case). */
@Entity
@Table(name = "goal_result")
@IdClass(GoalResult.Key.class)
public class GoalResult extends PanacheEntityBase {
    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Id
    @Column(name = "goal_id")
    public UUID goalId;
    @Id
    public String period;
    @Column(name = "challenge_id", nullable = false)
    public UUID challengeId;
    @Column(nullable = false)
    public BigDecimal units;
    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;

    /** The key: case, goal, period. */
    public record Key(UUID caseId, UUID goalId, String period) implements Serializable {
    }
}
