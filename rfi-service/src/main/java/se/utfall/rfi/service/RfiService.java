package se.utfall.rfi.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.rfi.api.AmendmentView;
import se.utfall.rfi.api.RfiRequest;
import se.utfall.rfi.api.RfiSummary;
import se.utfall.rfi.api.RfiView;
import se.utfall.rfi.domain.KnownChallenge;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiAmendment;
import se.utfall.rfi.domain.RfiContent;
import se.utfall.rfi.domain.RfiFilter;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.mapping.RfiMapper;
import se.utfall.rfi.messaging.RfiEventData;
import se.utfall.rfi.messaging.RfiEvents;
import se.utfall.rfi.repository.RfiSearch;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.json.MergePatch;
import se.utfall.web.json.RecordDiff;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The use cases of an RFI's life: each loads, applies a rule of {@link Rfi}, persists, audits and announces in one
 * transaction. Opening and closing on time are {@link RfiScheduler}'s.
 */
@ApplicationScoped
public class RfiService {
    private final RfiAudit trail;
    private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "createdAt", "acceptingResponses",
            "amendments", "status", "publishedAt", "openedAt", "closedAt", "cancelledAt", "firstDay", "lastDay",
            "municipalityName", "challengeTitle");

    private final RfiEvents events;
    private final RecordDiff diff;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId zone;
    private final RfiSearch search;
    private final OcdsService ocds;

    public RfiService(RfiEvents events, ObjectMapper mapper, Validator validator, Clock clock, RfiConfig config,
            RfiSearch search, RfiAudit trail, OcdsService ocds) {
        this.trail = trail;
        this.ocds = ocds;
        this.search = search;
        this.events = events;
        this.diff = new RecordDiff(mapper, BOOKKEEPING);
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
        this.zone = config.timeZone();
    }

    /** A page of RFIs; no session around it: the search reads on the pool, one statement. */
    public Uni<Page<RfiSummary>> search(RfiFilter filter, PageRequest page) {
        return search.find(filter, page).map(p -> p.map(l -> RfiMapper.toSummary(l, zone)));
    }

    public ZoneId zone() {
        return zone;
    }

    /** A draft RFI on a published challenge, by a buyer of the organisation owning or co-buying it. */
    @WithTransaction
    public Uni<RfiView> create(RfiRequest request, Actor actor) {
        if (request.challengeId() == null) {
            throw new RuleViolation(RuleViolation.Kind.INCOMPLETE, "An RFI asks about a published challenge",
                    List.of(new RuleViolation.FieldProblem("challengeId", "is required")));
        }
        RfiContent content = content(request, null);
        return KnownChallenge.<KnownChallenge>findById(request.challengeId())
                .chain(challenge -> {
                    if (challenge == null) {
                        throw RuleViolation.notYetKnown("rfi-service does not know this challenge (yet)",
                                "challengeId", "no published challenge has this id here yet: rfi-service learns"
                                + " challenges from their events, so one published a moment ago may take a second"
                                + " to arrive; ask again after Retry-After", 1);
                    }
                    if (!challenge.isPublished()) {
                        throw new RuleViolation(RuleViolation.Kind.INCOMPLETE,
                                "There is no published challenge with this id",
                                List.of(new RuleViolation.FieldProblem("challengeId", "the challenge is "
                                        + challenge.status
                                        + "; RFIs ask about published challenges")));
                    }
                    if (!actor.admin() && !challenge.isBuyer(actor.organisation())) {
                        throw RuleViolation.forbidden("not-a-buyer",
                                "Only the organisations that own or co-buy the challenge may ask the market about it.");
                    }
                    content.problems().throwIfAny(RuleViolation.Kind.INVALID, "The RFI has problems");
                    Instant now = now();
                    Rfi r = new Rfi();
                    r.id = UUID.randomUUID();
                    r.challengeId = challenge.id;
                    r.ownerOrgId = actor.organisation() != null ? actor.organisation() : challenge.ownerOrgId;
                    r.ownerOrgName = actor.organisation() != null ? actor.organisationName() : challenge.ownerOrgName;
                    r.municipalityCode = challenge.municipalityCode;
                    r.municipalityName = challenge.municipalityName;
                    r.challengeTitle = challenge.title;
                    r.title = content.title();
                    r.description = content.description();
                    r.replaceQuestions(content.questions());
                    r.replaceCriteria(content.criteria());
                    r.opensAt = content.opensAt();
                    r.closesAt = content.closesAt();
                    r.status = RfiStatus.DRAFT;
                    r.createdAt = now;
                    r.updatedAt = now;
                    r.createdBy = actor.subject();
                    return r.<Rfi>persistAndFlush()
                            .call(() -> audit(r, actor, "CREATED", diff.diff(null, view(r, now)), null, now))
                            .map(saved -> view(saved, now));
                });
    }

    /**
     * Replaces a draft's content, or amends a published RFI before its close (recorded publicly and announced).
     */
    @WithTransaction
    public Uni<RfiView> update(UUID id, RfiRequest request, Precondition ifMatch, Actor actor) {
        return loadOwned(id, actor, true).chain(r -> {
            ifMatch.require(r.version);
            return change(r, request, actor);
        });
    }

    /**
     * Changes some fields only (JSON Merge Patch, RFC 7396): applied to the RFI as {@code GET} shows it and read
     * back as the request a {@code PUT} takes, so it meets every rule a full update meets.
     */
    @WithTransaction
    public Uni<RfiView> patch(UUID id, JsonNode patch, Precondition ifMatch, Actor actor) {
        return loadOwned(id, actor, true).chain(r -> {
            ifMatch.require(r.version);
            return change(r, MergePatch.applyTo(view(r, now()), patch, RfiRequest.class, mapper, validator), actor);
        });
    }

    private Uni<RfiView> change(Rfi r, RfiRequest request, Actor actor) {
        RfiContent content = content(request, r);
        if (request.challengeId() != null && !request.challengeId().equals(r.challengeId)) {
            throw new RuleViolation(RuleViolation.Kind.INCOMPLETE, "An RFI stays with its challenge",
                    List.of(new RuleViolation.FieldProblem("challengeId", "cannot change")));
        }
        Instant now = now();
        RfiView before = view(r, now);
        if (r.status == RfiStatus.DRAFT) {
            r.replaceDraft(content, now);
            if (!diff.differs(before, view(r, now))) {
                return Uni.createFrom().item(before);
            }
            return r.<Rfi>persistAndFlush()
                    .call(() -> audit(r, actor, "UPDATED", diff.diff(before, view(r, now)), null, now))
                    .map(saved -> view(saved, now));
        }
        List<String> fields = r.amend(content, now);
        if (fields.isEmpty()) {
            return Uni.createFrom().item(before);
        }
        ObjectNode changes = diff.diff(before, view(r, now));
        RfiAmendment a = new RfiAmendment();
        a.key = new RfiAmendment.Key(r.id, r.amendments);
        a.at = now;
        a.fields = fields;
        a.note = blankToNull(request.amendmentNote());
        a.changes = changes;
        RfiEventData.Amendment last = new RfiEventData.Amendment(a.key.number, Windows.local(now, zone), fields,
                a.note);
        return r.<Rfi>persistAndFlush()
                .call(() -> a.persist())
                .call(() -> audit(r, actor, "AMENDED", changes, a.note, now))
                .call(() -> events.amended(RfiMapper.toEvent(r, last, zone)))
                .call(() -> ocds.recordRfi(r, List.of("tenderAmendment"), now))
                .map(saved -> view(saved, now));
    }

    /** Publishes a complete draft: scheduled, or open at once if its window has begun (two events then). */
    @WithTransaction
    public Uni<RfiView> publish(UUID id, Precondition ifMatch, Actor actor) {
        return loadOwned(id, actor, true).chain(r -> {
            ifMatch.require(r.version);
            Instant now = now();
            boolean opened = r.publish(now);
            return r.<Rfi>persistAndFlush()
                    .call(() -> audit(r, actor, "PUBLISHED", null, null, now))
                    .call(() -> opened ? audit(r, actor, "OPENED", null, null, now) : Uni.createFrom().nullItem())
                    .call(() -> events.published(RfiMapper.toEvent(r, null, zone)))
                    .call(() -> opened ? events.opened(RfiMapper.toEvent(r, null, zone)) : Uni.createFrom().voidItem())
                    .call(() -> ocds.recordRfi(r, List.of("tender"), now))
                    .map(saved -> view(saved, now));
        });
    }

    /** Cancels with a reason; a published RFI's cancellation is announced. */
    @WithTransaction
    public Uni<RfiView> cancel(UUID id, String reason, Precondition ifMatch, Actor actor) {
        return loadOwned(id, actor, true).chain(r -> {
            ifMatch.require(r.version);
            Instant now = now();
            boolean announced = r.status.isPublished();
            r.cancel(reason.trim(), now);
            return r.<Rfi>persistAndFlush()
                    .call(() -> audit(r, actor, "CANCELLED", null, reason.trim(), now))
                    .call(() -> announced ? events.cancelled(RfiMapper.toEvent(r, null, zone))
                            : Uni.createFrom().voidItem())
                    .call(() -> announced ? ocds.recordRfi(r, List.of("tenderCancellation"), now)
                            : Uni.createFrom().voidItem())
                    .map(saved -> view(saved, now));
        });
    }

    /** Published RFIs for anyone; drafts for their organisation only (404 for everyone else). */
    @WithSession
    public Uni<RfiView> get(UUID id, Reader reader) {
        return Rfi.<Rfi>findById(id)
                .map(r -> view(reader.visibleOrNotFound(r, Rfi::isPublic, Rfi::insiders, "RFI"), now()));
    }

    /** The public history of a published RFI's amendments, oldest first. */
    @WithSession
    public Uni<Page<AmendmentView>> amendments(UUID id, Reader reader, PageRequest page) {
        return Rfi.<Rfi>findById(id).chain(r -> {
            reader.visibleOrNotFound(r, Rfi::isPublic, Rfi::insiders, "RFI");
            var query = RfiAmendment.<RfiAmendment>find("key.rfiId = ?1 order by key.number", id)
                    .page(page.page, page.size);
            return query.list().chain(list -> RfiAmendment.count("key.rfiId = ?1", id).map(total -> Page.of(
                    list.stream().map(a -> RfiMapper.toView(a, a.changes, zone)).toList(), page, total)));
        });
    }

    /** The RFI for a change by its organisation: others get 404 whether or not it exists, admins may act. */
    Uni<Rfi> loadOwned(UUID id, Actor actor, boolean lock) {
        Uni<Rfi> found = lock ? Rfi.<Rfi>findById(id, LockModeType.PESSIMISTIC_WRITE) : Rfi.<Rfi>findById(id);
        return found.map(r -> actor.ownedOrNotFound(r, x -> x.ownerOrgId, "RFI"));
    }

    /** The content of a request; {@code current} is the RFI it changes (null for a new one). */
    private RfiContent content(RfiRequest request, Rfi current) {
        RuleViolation.Problems p = new RuleViolation.Problems();
        Instant opensAt = Windows.resolve(request.opensAt(), request.firstDay(), false, zone, "opensAt", "firstDay",
                current == null ? null : current.opensAt, p);
        Instant closesAt = Windows.resolve(request.closesAt(), request.lastDay(), true, zone, "closesAt", "lastDay",
                current == null ? null : current.closesAt, p);
        if (opensAt == null) {
            p.add("opensAt", "give opensAt (with offset) or firstDay");
        }
        if (closesAt == null) {
            p.add("closesAt", "give closesAt (with offset) or lastDay");
        }
        p.throwIfAny(RuleViolation.Kind.INVALID, "The window is not clear");
        return new RfiContent(request.title().trim(), blankToNull(request.description()),
                request.questions() == null ? List.of()
                        : request.questions().stream().map(RfiMapper::toQuestion).toList(),
                request.criteria() == null ? List.of()
                        : request.criteria().stream().map(RfiMapper::toCriterion).toList(),
                opensAt, closesAt);
    }

    private Uni<Void> audit(Rfi r, Actor actor, String action, JsonNode changes, String note, Instant at) {
        return trail.record(r.id, null, actor, action, changes, note, at);
    }

    RfiView view(Rfi r, Instant now) {
        return RfiMapper.toView(r, zone, now);
    }

    private Instant now() {
        return clock.instant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
