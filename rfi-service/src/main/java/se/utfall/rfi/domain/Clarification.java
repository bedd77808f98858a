package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A clarification: a question asked privately about an RFI, and the buyer's answer, published to everyone with
 * the question as the buyer phrases it (so the asker cannot be recognised) and never the asker.
 */
@Entity
@Table(name = "clarification")
public class Clarification extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    /** 1, 2, … in the order of publication; null until answered. */
    public Integer number;
    @Column(name = "asked_by_org_id", nullable = false, updatable = false)
    public UUID askedByOrgId;
    @Column(name = "asked_by", nullable = false, updatable = false)
    public String askedBy;
    @Column(nullable = false, updatable = false)
    public String question;
    @Column(name = "asked_at", nullable = false, updatable = false)
    public Instant askedAt;
    @Column(name = "published_question")
    public String publishedQuestion;
    public String answer;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_by")
    public String answeredBy;
    @Version
    public long version;

    public boolean isAnswered() {
        return answeredAt != null;
    }
}
