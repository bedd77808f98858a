package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One evaluator's score of one response on one criterion, 0–5, with an optional comment. */
@Entity
@Table(name = "evaluation_score")
public class Score extends PanacheEntityBase {
    public static final int MIN = 0;
    public static final int MAX = 5;

    @Id
    public UUID id;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    @Column(name = "response_id", nullable = false, updatable = false)
    public UUID responseId;
    @Column(nullable = false, updatable = false)
    public String evaluator;
    /** The evaluator's display name when they scored (the token's name claim); null when the token had none. */
    @Column(name = "evaluator_name")
    public String evaluatorName;
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

    public static Score of(UUID rfiId, UUID responseId, String evaluator, String evaluatorName, UUID criterionId,
            int score, String comment, Instant at) {
        Score s = new Score();
        s.id = UUID.randomUUID();
        s.rfiId = rfiId;
        s.responseId = responseId;
        s.evaluator = evaluator;
        s.evaluatorName = evaluatorName;
        s.criterionId = criterionId;
        s.score = (short) score;
        s.comment = comment;
        s.scoredAt = at;
        return s;
    }
}
