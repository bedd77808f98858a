package se.utfall.audit;

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
 * One entry of an audit trail: who did what to which subject, when. Written once by {@link Audit#record} and never
 * changed through the ORM; only {@link Redaction} rewrites {@code changes} and {@code note} (native SQL) and sets
 * {@code redactedAt}.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** What the history is of: {@code challenge}, {@code rfi}, {@code response}, ... ({@link Subject#type()}). */
    @Column(name = "subject_type", nullable = false, updatable = false)
    public String subjectType;
    @Column(name = "subject_id", nullable = false, updatable = false)
    public UUID subjectId;
    /** The subject this one belongs to, if any (a response's RFI). */
    @Column(name = "parent_id", updatable = false)
    public UUID parentId;
    @Column(nullable = false, updatable = false)
    public Instant at;
    /** The person's subject (sub), or a system actor such as {@code scheduler}. */
    @Column(nullable = false, updatable = false)
    public String actor;
    @Column(name = "actor_org_id", updatable = false)
    public UUID actorOrgId;
    @Column(nullable = false, updatable = false)
    public String action;
    /** Shown to everyone who may read the subject: which fields changed and when, never their texts. */
    @Column(name = "public_entry", nullable = false, updatable = false)
    public boolean publicEntry;
    /** A JSON object as exact text: field → {from, to}, or what the action concerns; {@code {}} when nothing. */
    @Column(nullable = false, updatable = false)
    public String changes;
    @Column(updatable = false)
    public String note;
    /** When a text was erased from this entry on request (GDPR art. 17). */
    @Column(name = "redacted_at", insertable = false, updatable = false)
    public Instant redactedAt;
}
