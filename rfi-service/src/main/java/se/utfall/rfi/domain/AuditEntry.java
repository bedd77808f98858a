package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.utfall.web.security.Actor;

import java.time.Instant;
import java.util.UUID;

/** Who changed what on an RFI, when: for the buying organisation (the public sees the amendment history). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    /** Set when the entry is about one response to the RFI. */
    @Column(name = "response_id", updatable = false)
    public UUID responseId;
    @Column(updatable = false)
    public Instant at;
    @Column(updatable = false)
    public String actor;
    @Column(name = "actor_org_id", updatable = false)
    public UUID actorOrgId;
    @Column(updatable = false)
    public String action;
    /** JSON object: field → {from, to}. */
    @Column(updatable = false)
    public String changes;
    @Column(updatable = false)
    public String note;

    /** An entry by {@code actor} about an RFI, or about one of its responses when {@code responseId} is set. */
    public static AuditEntry of(UUID rfiId, UUID responseId, Actor actor, String action, String changes,
            String note, Instant at) {
        AuditEntry e = new AuditEntry();
        e.rfiId = rfiId;
        e.responseId = responseId;
        e.at = at;
        e.actor = actor.subject();
        e.actorOrgId = actor.organisation();
        e.action = action;
        e.changes = changes == null ? "{}" : changes;
        e.note = note;
        return e;
    }
}
