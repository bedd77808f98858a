package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.events.EventTypes;
import se.utfall.rfi.api.InvitationRequest;
import se.utfall.rfi.api.MembershipView;
import se.utfall.rfi.domain.ConsortiumMember;
import se.utfall.rfi.domain.ConsortiumMembership;
import se.utfall.rfi.domain.MembershipStatus;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.messaging.MembershipEventData;
import se.utfall.rfi.messaging.ResponseEvents;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.http.ETags;
import se.utfall.web.limits.CreationLimit;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.util.stream.Stream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Consortia by consent. The lead (the responding organisation) invites; the invited organisation accepts or
 * declines; a member may leave and the lead may remove one — all while the response is a draft and its RFI open.
 * Only accepted members are in the response's consortium, so only they reach its views, receipt and events (and
 * through them matching's signals and the buyer's feedback export).
 */
@ApplicationScoped
public class ConsortiumService {
    private final RfiAudit trail;
    /** Members and open invitations of one consortium, besides the lead (as many as a response may name). */
    static final int MAX_MEMBERS = 10;

    private final ResponseService responses;
    private final ResponseEvents events;
    private final Clock clock;
    private final ZoneId zone;
    /** A lead asking the same organisations again and again would flood their lists. */
    private final CreationLimit invitations = new CreationLimit(30, Duration.ofHours(1));

    public ConsortiumService(ResponseService responses, ResponseEvents events, Clock clock, RfiConfig config,
            RfiAudit trail) {
        this.trail = trail;
        this.responses = responses;
        this.events = events;
        this.clock = clock;
        this.zone = config.timeZone();
    }

    /**
     * The lead invites an organisation; it is not a member until it accepts. The response's row is locked, so
     * concurrent invitations are counted in turn and none lands on a response submitted meanwhile.
     */
    @WithTransaction
    public Uni<MembershipView> invite(UUID responseId, InvitationRequest request, Actor actor) {
        return responses.own(responseId, actor).call(r -> Panache.getSession()
                .chain(s -> s.refresh(r, LockModeType.PESSIMISTIC_WRITE))).chain(r -> responses.openRfi(r.rfiId)
                .chain(rfi -> {
            r.requireStatus("given new members (only a draft's consortium changes)", ResponseStatus.DRAFT);
            if (request.organisationId().equals(r.organisationId) || request.organisationId().equals(rfi.ownerOrgId)) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "Neither the lead nor the buyer can be a member",
                        List.of(new RuleViolation.FieldProblem("organisationId",
                                "is your own organisation or the buying one")));
            }
            Instant now = clock.instant();
            return ConsortiumMembership.<ConsortiumMembership>list("responseId", r.id).chain(all -> {
                long invitedLastHour = all.stream().filter(x -> x.invitedAt.isAfter(now.minusSeconds(3600))).count();
                invitations.check(invitedLastHour, null, now, "invitations to one consortium");
                long partners = r.consortium().stream().filter(c -> c.organisationId() == null).count();
                long taken = partners + all.stream().filter(x -> x.status == MembershipStatus.INVITED || x.isMember())
                        .count();
                ConsortiumMembership m = all.stream()
                        .filter(x -> x.organisationId.equals(request.organisationId())).findFirst().orElse(null);
                if (m != null && !m.mayBeInvitedAgain()) {
                    throw RuleViolation.conflict(switch (m.status) {
                        case ACCEPTED -> "This organisation is a member already.";
                        case DECLINED -> "This organisation declined; it is not asked again.";
                        default -> "This organisation is invited already.";
                    });
                }
                if (taken >= MAX_MEMBERS) {
                    throw new RuleViolation(RuleViolation.Kind.INCOMPLETE, "A consortium has at most "
                            + MAX_MEMBERS + " members and open invitations besides its lead", List.of(
                            new RuleViolation.FieldProblem("organisationId", "one too many; remove one first")));
                }
                if (m == null) {
                    m = new ConsortiumMembership();
                    m.id = UUID.randomUUID();
                    m.responseId = r.id;
                    m.rfiId = r.rfiId;
                    m.leadOrgId = r.organisationId;
                    m.organisationId = request.organisationId();
                }
                m.name = request.name();
                m.role = request.role();
                m.status = MembershipStatus.INVITED;
                m.invitedAt = now;
                m.invitedBy = actor.subject();
                m.answeredAt = null;
                m.answeredBy = null;
                m.endedAt = null;
                return record(m.<ConsortiumMembership>persistAndFlush(), rfi, actor, EventTypes.CONSORTIUM_INVITED,
                        "CONSORTIUM_INVITED", now).map(saved -> view(saved, rfi.title, r.organisationName));
            });
        }));
    }

    /** The consortium of a response: every invitation for the lead; the members for a member. */
    @WithSession
    public Uni<List<MembershipView>> ofResponse(UUID responseId, Actor actor) {
        return RfiResponse.<RfiResponse>findById(responseId).chain(r -> r == null ? notFound("response")
                : ConsortiumMembership.<ConsortiumMembership>list("responseId = ?1 order by invitedAt, id", r.id)
                .chain(all -> {
                    actor.asReader().insiderOrNotFound(r, x -> Stream.concat(Stream.of(x.organisationId),
                            all.stream().filter(ConsortiumMembership::isMember).map(m -> m.organisationId))
                            .toList(), "response");
                    boolean lead = actor.owns(r.organisationId);
                    return Rfi.<Rfi>findById(r.rfiId).map(rfi -> all.stream()
                            .filter(m -> lead || m.isMember())
                            .map(m -> view(m, rfi.title, r.organisationName)).toList());
                }));
    }

    /** One invitation, for the invited organisation and the lead; 404 for everyone else. */
    @WithSession
    public Uni<MembershipView> one(UUID membershipId, Actor actor) {
        return ConsortiumMembership.<ConsortiumMembership>findById(membershipId).chain(found -> {
            ConsortiumMembership m = actor.asReader().insiderOrNotFound(found,
                    x -> List.of(x.organisationId, x.leadOrgId), "invitation");
            return Rfi.<Rfi>findById(m.rfiId).chain(rfi -> RfiResponse.<RfiResponse>findById(m.responseId)
                    .map(r -> view(m, rfi.title, r.organisationName)));
        });
    }

    /** Invitations to the caller's organisation, newest first: open ones and what became of earlier ones. */
    @WithSession
    public Uni<Page<MembershipView>> mine(Actor actor, PageRequest page) {
        UUID organisation = actor.requireOrganisation();
        return Panache.getSession().chain(s -> s.createSelectionQuery("select count(m) from ConsortiumMembership m"
                + " where m.organisationId = :org", Long.class).setParameter("org", organisation).getSingleResult()
                .chain(total -> s.createSelectionQuery("select m, r.title, resp.organisationName"
                        + " from ConsortiumMembership m, Rfi r, RfiResponse resp where r.id = m.rfiId"
                        + " and resp.id = m.responseId and m.organisationId = :org order by m.invitedAt desc, m.id",
                        Object[].class).setParameter("org", organisation)
                        .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList()
                        .map(rows -> Page.of(rows.stream().map(row -> view((ConsortiumMembership) row[0],
                                (String) row[1], (String) row[2])).toList(), page, total))));
    }

    /**
     * The invited organisation accepts (it becomes a member) while the response is a draft and the RFI open, or
     * declines, at any time: an invitation never stays open against its addressee's will.
     */
    @WithTransaction
    public Uni<MembershipView> answer(UUID membershipId, boolean accept, Precondition ifMatch, Actor actor) {
        return invitedOrMember(membershipId, actor).chain(m -> (accept ? responses.openRfi(m.rfiId)
                : Rfi.<Rfi>findById(m.rfiId)).chain(rfi ->
                RfiResponse.<RfiResponse>findById(m.responseId).chain(r -> {
                    ifMatch.require(m.version);
                    if (accept) {
                        requireDraft(r);
                    }
                    Instant now = clock.instant();
                    m.answer(accept, actor.subject(), now);
                    return record(m.<ConsortiumMembership>persistAndFlush(), rfi, actor,
                            accept ? EventTypes.CONSORTIUM_ACCEPTED : EventTypes.CONSORTIUM_DECLINED,
                            accept ? "CONSORTIUM_ACCEPTED" : "CONSORTIUM_DECLINED", now)
                            .call(saved -> accept ? syncConsortium(r) : Uni.createFrom().voidItem())
                            .map(saved -> view(saved, rfi.title, r.organisationName));
                })));
    }

    /** A member leaves the consortium before the response is submitted. */
    @WithTransaction
    public Uni<MembershipView> leave(UUID membershipId, Precondition ifMatch, Actor actor) {
        return invitedOrMember(membershipId, actor).chain(m -> responses.openRfi(m.rfiId).chain(rfi ->
                RfiResponse.<RfiResponse>findById(m.responseId).chain(r -> {
                    ifMatch.require(m.version);
                    requireDraft(r);
                    Instant now = clock.instant();
                    m.leave(now);
                    return record(m.<ConsortiumMembership>persistAndFlush(), rfi, actor,
                            EventTypes.CONSORTIUM_MEMBER_LEFT, "CONSORTIUM_MEMBER_LEFT", now)
                            .call(saved -> syncConsortium(r))
                            .map(saved -> view(saved, rfi.title, r.organisationName));
                })));
    }

    /** The lead removes a member, or withdraws an invitation, before the response is submitted. */
    @WithTransaction
    public Uni<MembershipView> remove(UUID responseId, UUID organisationId, Precondition ifMatch, Actor actor) {
        return responses.own(responseId, actor).chain(r -> Rfi.<Rfi>findById(r.rfiId).chain(rfi ->
                ConsortiumMembership.<ConsortiumMembership>find("responseId = ?1 and organisationId = ?2", r.id,
                        organisationId).firstResult().chain(found -> {
                            ConsortiumMembership m = found;
                            if (m == null) {
                                throw RuleViolation.notFound("consortium member");
                            }
                            ifMatch.require(m.version);
                            if (m.isMember()) {
                                r.requireStatus("changed (only a draft's consortium changes)", ResponseStatus.DRAFT);
                            }
                            Instant now = clock.instant();
                            if (m.isMember() && !rfi.acceptsResponses(now)) {
                                throw RuleViolation.conflict("The RFI is closed; its consortia stay as submitted.");
                            }
                            m.remove(now);
                            return record(m.<ConsortiumMembership>persistAndFlush(), rfi, actor,
                                    EventTypes.CONSORTIUM_MEMBER_REMOVED, "CONSORTIUM_MEMBER_REMOVED", now)
                                    .call(saved -> syncConsortium(r))
                                    .map(saved -> view(saved, rfi.title, r.organisationName));
                        })));
    }

    /** Whether {@code organisation} is an accepted member of the response's consortium. */
    static Uni<Boolean> isMember(UUID responseId, UUID organisation) {
        if (organisation == null) {
            return Uni.createFrom().item(false);
        }
        return ConsortiumMembership.count("responseId = ?1 and organisationId = ?2 and status = ?3", responseId,
                organisation, MembershipStatus.ACCEPTED).map(n -> n > 0);
    }

    /** The accepted members of a response's consortium. */
    static Uni<List<ConsortiumMembership>> accepted(UUID responseId) {
        return ConsortiumMembership.list("responseId = ?1 and status = ?2 order by answeredAt, id", responseId,
                MembershipStatus.ACCEPTED);
    }

    /**
     * The consortium a response shows: the partners it names without an Utfall organisation, then every accepted
     * member. An entry naming an organisation that has not accepted is refused, with its path in the request.
     */
    static List<ConsortiumMember> consortium(List<ConsortiumMember> requested, List<ConsortiumMembership> members) {
        RuleViolation.Problems problems = new RuleViolation.Problems();
        List<ConsortiumMember> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ConsortiumMember c = requested.get(i);
            if (c.organisationId() == null) {
                result.add(c);
            } else if (members.stream().noneMatch(m -> m.organisationId.equals(c.organisationId()))) {
                problems.add("consortium[" + i + "].organisationId", "is not a member of this consortium: invite it"
                        + " (POST /api/v1/responses/{id}/consortium/invitations) and let it accept");
            }
        }
        if (problems.isEmpty() && result.size() + members.size() > MAX_MEMBERS) {
            problems.add("consortium", "at most " + MAX_MEMBERS + " partners and members together; this has "
                    + (result.size() + members.size()));
        }
        problems.throwIfAny(RuleViolation.Kind.INCOMPLETE, "Only organisations that accepted an invitation are"
                + " consortium members");
        members.forEach(m -> result.add(m.asMember()));
        return result;
    }

    private Uni<Void> syncConsortium(RfiResponse r) {
        return accepted(r.id).chain(members -> {
            List<ConsortiumMember> unlinked = r.consortium().stream().filter(c -> c.organisationId() == null)
                    .toList();
            r.replaceConsortium(consortium(unlinked, members));
            r.updatedAt = clock.instant();
            return r.persistAndFlush().replaceWithVoid();
        });
    }

    private static void requireDraft(RfiResponse r) {
        if (r.status != ResponseStatus.DRAFT) {
            throw RuleViolation.conflict("The response is " + r.status + "; its consortium changes only while it"
                    + " is a draft. Ask its lead.");
        }
    }

    /** The invitation, for the invited organisation itself: consent is never given on its behalf, not by an admin. */
    private static Uni<ConsortiumMembership> invitedOrMember(UUID membershipId, Actor actor) {
        return ConsortiumMembership.<ConsortiumMembership>findById(membershipId)
                .map(m -> actor.partyOrNotFound(m, x -> List.of(x.organisationId), "invitation"));
    }

    private Uni<ConsortiumMembership> record(Uni<ConsortiumMembership> saving, Rfi rfi, Actor actor, String type,
            String action, Instant now) {
        return saving
                .call(m -> trail.record(m.rfiId, m.responseId, actor, action, null, m.organisationId.toString(),
                        now))
                .call(m -> events.membership(type, new MembershipEventData(m.id, m.responseId, m.rfiId,
                        rfi.challengeId, m.leadOrgId, m.organisationId, m.status.name(),
                        Windows.local(m.invitedAt, zone), Windows.local(m.answeredAt, zone),
                        Windows.local(m.endedAt, zone), m.version)));
    }

    private MembershipView view(ConsortiumMembership m, String rfiTitle, String leadName) {
        return new MembershipView(m.id, m.responseId, m.rfiId, rfiTitle, m.leadOrgId, leadName, m.organisationId,
                m.name, m.role, m.status, Windows.local(m.invitedAt, zone), Windows.local(m.answeredAt, zone),
                Windows.local(m.endedAt, zone), m.version, ETags.of(m.version));
    }

    private static <T> Uni<T> notFound(String what) {
        return Uni.createFrom().failure(RuleViolation.notFound(what));
    }
}
