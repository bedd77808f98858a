package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An organisation's place in a response's consortium, by consent: the lead invites, the invited organisation
 * accepts or declines; a member may leave and the lead may remove one, while the response is a draft. Naming an
 * organisation is not enough to make it a member: a respondent could otherwise take an RFI off another
 * organisation's recommendations or have its profile graded by the buyer's decision.
 */
@Entity
@Table(name = "consortium_membership")
public class ConsortiumMembership extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "response_id", nullable = false, updatable = false)
    public UUID responseId;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    @Column(name = "lead_org_id", nullable = false, updatable = false)
    public UUID leadOrgId;
    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;
    /** The name the lead gave the member, shown in the consortium. */
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String role;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipStatus status;
    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;
    @Column(name = "invited_by", nullable = false)
    public String invitedBy;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_by")
    public String answeredBy;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Version
    public long version;

    public boolean isMember() {
        return status == MembershipStatus.ACCEPTED;
    }

    /**
     * The lead may ask again after a member left or was removed, never after a decline: an organisation that
     * said no is not asked until it gives in.
     */
    public boolean mayBeInvitedAgain() {
        return status == MembershipStatus.LEFT || status == MembershipStatus.REMOVED;
    }

    /** The invited organisation says yes or no, once. */
    public void answer(boolean accept, String by, Instant at) {
        if (status != MembershipStatus.INVITED) {
            throw RuleViolation.conflict("This invitation was " + status.name().toLowerCase(Locale.ROOT)
                    + " already; it can be answered only once.");
        }
        status = accept ? MembershipStatus.ACCEPTED : MembershipStatus.DECLINED;
        answeredAt = at;
        answeredBy = by;
    }

    /** The member leaves. */
    public void leave(Instant at) {
        if (status != MembershipStatus.ACCEPTED) {
            throw RuleViolation.conflict("Only a member can leave a consortium; this invitation is "
                    + status.name().toLowerCase(Locale.ROOT) + ".");
        }
        status = MembershipStatus.LEFT;
        endedAt = at;
    }

    /** The lead removes a member or withdraws an invitation not yet answered. */
    public void remove(Instant at) {
        if (status != MembershipStatus.ACCEPTED && status != MembershipStatus.INVITED) {
            throw RuleViolation.conflict("This organisation is not in the consortium (it "
                    + status.name().toLowerCase(Locale.ROOT) + ").");
        }
        status = MembershipStatus.REMOVED;
        endedAt = at;
    }

    /** The consortium entry an accepted member makes in the response. */
    public ConsortiumMember asMember() {
        return new ConsortiumMember(name, organisationId, role);
    }
}
