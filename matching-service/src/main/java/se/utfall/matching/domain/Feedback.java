package se.utfall.matching.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A buyer organisation's judgement of one recommendation: useful or not, with the score and rank it had. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "need_id", nullable = false, updatable = false)
    public UUID needId;
    @Column(name = "profile_id", nullable = false, updatable = false)
    public UUID profileId;
    @Column(name = "org_id", nullable = false, updatable = false)
    public UUID orgId;
    public boolean useful;
    public String comment;
    public Double score;
    public Integer rank;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
