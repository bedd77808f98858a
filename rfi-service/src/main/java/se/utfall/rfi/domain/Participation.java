package se.utfall.rfi.domain;

import com.fasterxml.jackson.core.type.TypeReference;
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
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A supplier in one phase: a shortlisted response — its lead organisation and the members of its consortium who
 * accepted, one supplier together — invited to the phase, answering once, handing in its deliverable within the
 * phase's window, and told the gate's outcome with feedback once the gate is decided.
 */
@Entity
@Table(name = "phase_participation")
public class Participation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "procurement_id", nullable = false, updatable = false)
    public UUID procurementId;
    @Column(name = "phase_id", nullable = false, updatable = false)
    public UUID phaseId;
    @Column(name = "phase_number", nullable = false, updatable = false)
    public int phaseNumber;
    @Column(name = "response_id", nullable = false, updatable = false)
    public UUID responseId;
    /** The lead: the organisation that responded to the RFI; it answers and hands in for the consortium. */
    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;
    @Column(name = "organisation_name", updatable = false)
    public String organisationName;
    /** The consortium's accepted members when the procurement began: they read the supplier's decisions. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_org_ids", columnDefinition = "uuid[]", nullable = false, updatable = false)
    public List<UUID> memberOrgIds;
    @Column(name = "consortium", nullable = false, updatable = false)
    public String consortiumJson;
    @Enumerated(EnumType.STRING)
    public ParticipationStatus status;
    @Column(name = "invited_at", updatable = false)
    public Instant invitedAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_by")
    public String answeredBy;
    public String deliverable;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "delivered_by")
    public String deliveredBy;
    @Enumerated(EnumType.STRING)
    public GateOutcome outcome;
    public String feedback;
    @Version
    public long version;

    public List<ConsortiumMember> consortium() {
        return List.copyOf(JsonText.read(consortiumJson, new TypeReference<List<ConsortiumMember>>() { }));
    }

    /** The lead and the accepted members: who reads this supplier's invitation, deliverable and decisions. */
    public List<UUID> parties() {
        List<UUID> all = new ArrayList<>();
        all.add(organisationId);
        all.addAll(memberOrgIds);
        return all;
    }

    /** The lead accepts or declines, once, before the phase closes. */
    public void answer(boolean accept, String by, Instant at) {
        if (status != ParticipationStatus.INVITED) {
            throw RuleViolation.conflict("This invitation was " + status.name().toLowerCase(Locale.ROOT)
                    + " already; it can be answered only once.").as("invitation-answered",
                    "The invitation was answered");
        }
        status = accept ? ParticipationStatus.ACCEPTED : ParticipationStatus.DECLINED;
        answeredAt = at;
        answeredBy = by;
    }

    /** The lead hands in (or replaces) the deliverable; the phase decides about time. */
    public void deliver(String text, String by, Instant at) {
        if (status != ParticipationStatus.ACCEPTED) {
            throw RuleViolation.conflict("Only a supplier that accepted its invitation hands in a deliverable; this"
                    + " one is " + status.name().toLowerCase(Locale.ROOT) + ".")
                    .as("not-accepted", "The invitation was not accepted");
        }
        deliverable = text;
        deliveredAt = at;
        deliveredBy = by;
    }

    public boolean isIn() {
        return status == ParticipationStatus.ACCEPTED;
    }
}
