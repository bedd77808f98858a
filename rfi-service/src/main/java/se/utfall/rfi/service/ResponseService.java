package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.money.Money;
import se.utfall.rfi.api.AnswerInput;
import se.utfall.rfi.api.MemberInput;
import se.utfall.rfi.api.ReceiptView;
import se.utfall.rfi.api.ResponseRequest;
import se.utfall.rfi.api.ResponseView;
import se.utfall.rfi.domain.Answer;
import se.utfall.rfi.domain.Baseline;
import se.utfall.rfi.domain.ConsortiumMember;
import se.utfall.rfi.domain.ConsortiumMembership;
import se.utfall.rfi.domain.KnownChallenge;
import se.utfall.rfi.domain.MembershipStatus;
import se.utfall.rfi.domain.Receipts;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.mapping.RfiMapper;
import se.utfall.rfi.messaging.ResponseEventData;
import se.utfall.rfi.messaging.ResponseEvents;
import se.utfall.web.security.Reader;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Responses to RFIs. The deadline is exact: every change takes the RFI's row lock in share mode and reads the
 * clock after it, so it either commits before the scheduler's close (which needs the lock exclusively) with a
 * time before {@code closesAt}, or is refused with a 409 and changes nothing.
 */
@ApplicationScoped
public class ResponseService {
    private final RfiAudit trail;
    private final ResponseEvents events;
    private final Clock clock;
    private final ZoneId zone;

    public ResponseService(ResponseEvents events, Clock clock, RfiConfig config, RfiAudit trail) {
        this.trail = trail;
        this.events = events;
        this.clock = clock;
        this.zone = config.timeZone();
    }

    /** A draft response of the caller's organisation (one per organisation and RFI). */
    @WithTransaction
    public Uni<ResponseView> create(UUID rfiId, ResponseRequest request, Actor actor) {
        return openRfi(rfiId).chain(rfi -> {
            Instant now = clock.instant();
            RfiResponse r = new RfiResponse();
            r.id = UUID.randomUUID();
            r.rfiId = rfi.id;
            r.organisationId = actor.organisation();
            r.organisationName = actor.organisationName();
            r.status = ResponseStatus.DRAFT;
            r.createdAt = now;
            r.updatedAt = now;
            r.createdBy = actor.subject();
            r.replaceAttachments(List.of());
            apply(r, request, rfi, false, List.of());
            return RfiResponse.count("rfiId = ?1 and organisationId = ?2", rfi.id, actor.organisation())
                    .chain(n -> {
                        if (n > 0) {
                            throw RuleViolation.conflict("Your organisation already has a response to this RFI;"
                                    + " change that one.");
                        }
                        return r.<RfiResponse>persistAndFlush();
                    })
                    .call(saved -> audit(saved, actor, "RESPONSE_CREATED", now))
                    .chain(saved -> view(saved, rfi));
        });
    }

    /** Replaces the content; a submitted response is submitted again at once, with a new receipt. */
    @WithTransaction
    public Uni<ResponseView> update(UUID id, ResponseRequest request, Precondition ifMatch, Actor actor) {
        return own(id, actor).chain(r -> openRfi(r.rfiId).chain(rfi -> {
            ifMatch.require(r.version);
            r.requireStatus("changed", ResponseStatus.DRAFT, ResponseStatus.SUBMITTED);
            return ConsortiumService.accepted(r.id).chain(members -> {
                apply(r, request, rfi, r.status == ResponseStatus.SUBMITTED, members);
                return saveChange(r, rfi, actor, r.status == ResponseStatus.SUBMITTED ? "RESPONSE_RESUBMITTED"
                        : "RESPONSE_UPDATED", null);
            });
        }));
    }

    /**
     * Stores a change to the content of a draft or submitted response (its caller checked the version and the
     * window): a submitted response is submitted again at once, with a new receipt and event.
     */
    Uni<ResponseView> saveChange(RfiResponse r, Rfi rfi, Actor actor, String action, String note) {
        Instant now = clock.instant();
        boolean resubmit = r.status == ResponseStatus.SUBMITTED;
        r.updatedAt = now;
        if (resubmit) {
            r.submittedAt = now;
            r.receiptSha256 = Receipts.sha256(Receipts.canonical(r, now));
        }
        return r.<RfiResponse>persistAndFlush()
                .call(saved -> trail.record(r.rfiId, r.id, actor, action, null, note, now))
                .call(saved -> resubmit ? events.submitted(event(saved, rfi)) : Uni.createFrom().voidItem())
                .chain(saved -> view(saved, rfi));
    }

    /** Submits before the close: every required question answered; answers a receipt in the view's hash. */
    @WithTransaction
    public Uni<ResponseView> submit(UUID id, Precondition ifMatch, Actor actor) {
        return own(id, actor).chain(r -> openRfi(r.rfiId).chain(rfi -> {
            ifMatch.require(r.version);
            r.requireStatus("submitted", ResponseStatus.DRAFT);
            RfiResponse.problems(rfi.questions(), r.answers(), true)
                    .throwIfAny(RuleViolation.Kind.INCOMPLETE, "The response cannot be submitted yet");
            Instant now = clock.instant();
            r.status = ResponseStatus.SUBMITTED;
            r.submittedAt = now;
            r.updatedAt = now;
            r.receiptSha256 = Receipts.sha256(Receipts.canonical(r, now));
            return r.<RfiResponse>persistAndFlush()
                    .call(saved -> audit(saved, actor, "RESPONSE_SUBMITTED", now))
                    .call(saved -> events.submitted(event(saved, rfi)))
                    .chain(saved -> view(saved, rfi));
        }));
    }

    /** Withdraws a draft or a submitted response before the close. */
    @WithTransaction
    public Uni<ResponseView> withdraw(UUID id, Precondition ifMatch, Actor actor) {
        return own(id, actor).chain(r -> openRfi(r.rfiId).chain(rfi -> {
            ifMatch.require(r.version);
            r.requireStatus("withdrawn", ResponseStatus.DRAFT, ResponseStatus.SUBMITTED);
            boolean wasSubmitted = r.status == ResponseStatus.SUBMITTED;
            Instant now = clock.instant();
            r.status = ResponseStatus.WITHDRAWN;
            r.withdrawnAt = now;
            r.updatedAt = now;
            return r.<RfiResponse>persistAndFlush()
                    .call(saved -> audit(saved, actor, "RESPONSE_WITHDRAWN", now))
                    .call(saved -> wasSubmitted ? events.withdrawn(event(saved, rfi)) : Uni.createFrom().voidItem())
                    .chain(saved -> view(saved, rfi));
        }));
    }

    /**
     * Its organisation and the accepted members of its consortium read it in every state (the members read-only,
     * with the decision once released, as the lead); the buyer only once submitted; everyone else gets 404.
     */
    @WithSession
    public Uni<ResponseView> get(UUID id, Actor actor) {
        return RfiResponse.<RfiResponse>findById(id).chain(r -> r == null ? notFound()
                : Rfi.<Rfi>findById(r.rfiId).chain(rfi -> readerOf(r, rfi, actor).chain(role -> {
                    Reader.readableOrNotFound(r, role != Role.NONE, "response");
                    return baseline(rfi).map(b -> toView(r, b, role == Role.BUYER || role == Role.ADMIN));
                })));
    }

    /** Who reads a response, in the one order every read asks it: the rule the views, files and receipts share. */
    enum Role { LEAD, MEMBER, BUYER, ADMIN, NONE }

    /**
     * How {@code actor} may read {@code r}: its lead, the buyer once it is submitted, an admin, or an accepted
     * member of its consortium (the only case that needs the database); anyone else not at all (404).
     */
    static Uni<Role> readerOf(RfiResponse r, Rfi rfi, Actor actor) {
        if (actor.isOwnOrganisation(r.organisationId)) {
            return Uni.createFrom().item(Role.LEAD);
        }
        if (actor.isOwnOrganisation(rfi.ownerOrgId) && r.status == ResponseStatus.SUBMITTED) {
            return Uni.createFrom().item(Role.BUYER);
        }
        if (actor.admin()) {
            return Uni.createFrom().item(Role.ADMIN);
        }
        return ConsortiumService.isMember(r.id, actor.organisation())
                .map(member -> member ? Role.MEMBER : Role.NONE);
    }

    /** The submitted responses to an RFI, for its buying organisation. */
    @WithSession
    public Uni<Page<ResponseView>> submitted(UUID rfiId, Actor actor, PageRequest page) {
        return Rfi.<Rfi>findById(rfiId).chain(found -> {
            Rfi rfi = actor.ownedOrNotFound(found, x -> x.ownerOrgId, "response");
            String where = "rfiId = ?1 and status = ?2";
            return RfiResponse.<RfiResponse>find(where + " order by submittedAt, id", rfiId, ResponseStatus.SUBMITTED)
                    .page(page.page, page.size).list()
                    .chain(list -> RfiResponse.count(where, rfiId, ResponseStatus.SUBMITTED)
                            .chain(total -> baseline(rfi).map(b -> Page.of(list.stream()
                                    .map(r -> toView(r, b, true)).toList(), page, total))));
        });
    }

    /** The responses the caller's organisation leads or is an accepted consortium member of, newest first. */
    @WithSession
    public Uni<Page<ResponseView>> mine(Actor actor, PageRequest page) {
        String where = "organisationId = ?1 or id in (select m.responseId from ConsortiumMembership m"
                + " where m.organisationId = ?1 and m.status = ?2)";
        return RfiResponse.<RfiResponse>find(where + " order by updatedAt desc, id", actor.organisation(),
                        MembershipStatus.ACCEPTED).page(page.page, page.size).list()
                .chain(list -> RfiResponse.count(where, actor.organisation(), MembershipStatus.ACCEPTED)
                        .map(total -> Page.of(list.stream().map(r -> toView(r, null, false)).toList(), page,
                                total)));
    }

    /** The receipt of a submitted response, checked against what is stored now. */
    @WithSession
    public Uni<ReceiptView> receipt(UUID id, Actor actor) {
        return ownOrMember(id, actor).map(r -> {
            if (r.submittedAt == null || r.receiptSha256 == null) {
                throw RuleViolation.notFound("receipt");
            }
            String canonical = Receipts.canonical(r, r.submittedAt);
            return new ReceiptView(r.id, r.rfiId, Windows.local(r.submittedAt, zone), r.receiptSha256,
                    Receipts.ALGORITHM, canonical, Receipts.sha256(canonical).equals(r.receiptSha256));
        });
    }

    /**
     * The RFI, locked in share mode, if it accepts responses now: the clock is read after the lock, so a change
     * and the close are ordered.
     */
    Uni<Rfi> openRfi(UUID rfiId) {
        return Rfis.shareLocked(rfiId).map(rfi -> {
            Reader.ANONYMOUS.visibleOrNotFound(rfi, Rfi::isPublic, x -> List.of(), "RFI");
            Instant now = clock.instant();
            if (rfi.status == RfiStatus.CANCELLED) {
                throw RuleViolation.conflict("The buyer cancelled this RFI: " + rfi.cancellationReason
                        + "; nothing was changed.").as("rfi-cancelled", "The RFI was cancelled");
            }
            if (!rfi.acceptsResponses(now)) {
                boolean early = rfi.status == RfiStatus.SCHEDULED && now.isBefore(rfi.opensAt);
                throw RuleViolation.conflict(early ? "Responses are accepted from " + Windows.local(rfi.opensAt,
                        zone) + "."
                                : "Responses were accepted until " + Windows.local(rfi.closesAt, zone)
                                + " (exclusive); nothing was changed.").as(early ? "rfi-not-open" : "rfi-closed",
                        early ? "The RFI is not open yet" : "The RFI is closed");
            }
            return rfi;
        });
    }

    /** The response, for its lead or an accepted member of its consortium; 404 for everyone else. */
    Uni<RfiResponse> ownOrMember(UUID id, Actor actor) {
        return RfiResponse.<RfiResponse>findById(id).chain(r -> (r == null ? Uni.createFrom().item(List.<UUID>of())
                : leadAndMember(r, actor)).map(parties -> actor.partyOrNotFound(r, x -> parties, "response")));
    }

    /** The lead, and the actor's organisation when it is an accepted member (asked only when it is not the lead). */
    private static Uni<List<UUID>> leadAndMember(RfiResponse r, Actor actor) {
        if (actor.isOwnOrganisation(r.organisationId)) {
            return Uni.createFrom().item(List.of(r.organisationId));
        }
        return ConsortiumService.isMember(r.id, actor.organisation())
                .map(member -> member ? List.of(r.organisationId, actor.organisation()) : List.of(r.organisationId));
    }

    Uni<RfiResponse> own(UUID id, Actor actor) {
        return RfiResponse.<RfiResponse>findById(id)
                .map(r -> actor.partyOrNotFound(r, x -> List.of(x.organisationId), "response"));
    }

    private static void apply(RfiResponse r, ResponseRequest request, Rfi rfi, boolean submitting,
            List<ConsortiumMembership> members) {
        List<Answer> answers = request.answers() == null ? List.of() : request.answers().stream()
                .map(ResponseService::answer).toList();
        RfiResponse.problems(rfi.questions(), answers, submitting)
                .throwIfAny(RuleViolation.Kind.INVALID, "Some answers do not fit their questions");
        r.replaceAnswers(answers);
        r.replaceConsortium(ConsortiumService.consortium(request.consortium() == null ? List.of()
                : request.consortium().stream().map(ResponseService::member).toList(), members));
        r.summary = request.summary() == null || request.summary().isBlank() ? null : request.summary().trim();
        Money cost = request.estimatedAnnualCost();
        r.estimatedAnnualCost = cost == null ? null : cost.amount();
        r.currency = cost == null ? null : cost.currency().getCurrencyCode();
    }

    private static Answer answer(AnswerInput in) {
        return new Answer(in.questionId(), in.text() == null || in.text().isBlank() ? null : in.text(), in.number(),
                in.choices(), Boolean.TRUE.equals(in.confidential()));
    }

    private static ConsortiumMember member(MemberInput in) {
        return new ConsortiumMember(in.name(), in.organisationId(), in.role());
    }

    /** The respondent's own view. */
    private Uni<ResponseView> view(RfiResponse r, Rfi rfi) {
        return baseline(rfi).map(b -> toView(r, b, false));
    }

    /** The challenge's cost baseline per year, from its last public event; null when unknown. */
    static Uni<Money> baseline(Rfi rfi) {
        return KnownChallenge.<KnownChallenge>findById(rfi.challengeId).map(c -> Baseline.of(c == null ? null
                : c.publicData).flatMap(Baseline::perYear).orElse(null));
    }

    /** The estimated annual cost; null when none was given. */
    static Money estimate(RfiResponse r) {
        return Money.ofNullable(r.estimatedAnnualCost, r.currency);
    }

    /**
     * The response as its organisation sees it ({@code forBuyer} false: the decision only once released) or as the
     * buyer does (the decision as soon as it is recorded).
     */
    private ResponseView toView(RfiResponse r, Money baseline, boolean forBuyer) {
        Money estimate = estimate(r);
        ResponseView.Outcome outcome = r.decision == null || !forBuyer && r.decisionReleasedAt == null ? null
                : new ResponseView.Outcome(r.decision, r.feedback, Windows.local(r.decidedAt, zone),
                        r.decisionReleasedAt != null);
        return new ResponseView(r.id, r.rfiId, r.organisationId, r.organisationName, r.status, r.summary,
                RfiMapper.answerViews(r.answers()), RfiMapper.memberViews(r.consortium()),
                RfiMapper.attachmentViews(r.attachments()), estimate,
                ResponseView.CostComparison.of(baseline, estimate), r.version, Windows.local(r.createdAt, zone),
                Windows.local(r.updatedAt, zone),
                Windows.local(r.submittedAt, zone), Windows.local(r.withdrawnAt, zone), r.receiptSha256, outcome);
    }

    private ResponseEventData event(RfiResponse r, Rfi rfi) {
        return new ResponseEventData(r.id, r.rfiId, rfi.challengeId, r.organisationId, r.status.name(), r.version,
                Windows.local(r.submittedAt, zone), Windows.local(r.withdrawnAt, zone), r.receiptSha256,
                r.consortium().stream().map(ConsortiumMember::organisationId).filter(Objects::nonNull).distinct()
                        .toList());
    }

    private Uni<Void> audit(RfiResponse r, Actor actor, String action, Instant at) {
        return trail.record(r.rfiId, r.id, actor, action, null, null, at);
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(RuleViolation.notFound("response"));
    }
}
