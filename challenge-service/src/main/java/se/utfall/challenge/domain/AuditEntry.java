package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Who changed what, when. Entries written after publication are public (amendments must be visible to every
 * potential supplier alike); earlier ones only to the owner.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "challenge_id", nullable = false, updatable = false)
    public UUID challengeId;
    @Column(updatable = false)
    public Instant at;
    @Column(updatable = false)
    public String actor;
    @Column(name = "actor_org_id", updatable = false)
    public UUID actorOrgId;
    @Column(updatable = false)
    public String action;
    @Column(name = "public_entry", updatable = false)
    public boolean publicEntry;
    /** JSON object: field → {from, to}. */
    @Column(updatable = false)
    public String changes;
    @Column(updatable = false)
    public String note;
    /** When personal text was removed from this entry on request (GDPR art. 17). */
    @Column(name = "redacted_at", insertable = false, updatable = false)
    public Instant redactedAt;
}
