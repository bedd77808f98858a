package se.utfall.challenge.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.challenge.api.WorkshopCancellation;
import se.utfall.challenge.api.WorkshopRequest;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.Workshop;
import se.utfall.challenge.mapping.ChallengeMapper;
import se.utfall.challenge.messaging.ChallengeEvents;
import se.utfall.challenge.messaging.WorkshopEventData;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.http.Tagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Workshops of a published challenge: scheduling, changing and cancelling them, and reading them. Registration is
 * {@link RegistrationService}'s, contributions {@link ContributionService}'s. The meeting link is for the buying
 * organisations and the registered participants; everyone who may read the challenge sees the workshop and its
 * seats.
 */
@ApplicationScoped
public class WorkshopService {
    private final ChallengeEvents events;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Clock clock;

    public WorkshopService(ChallengeEvents events, AuditTrail audit, ObjectMapper mapper, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Schedules a workshop. The challenge row is share-locked, so a concurrent close either commits first (and
     * this sees CLOSED: 409) or waits until the workshop is in.
     */
    @WithTransaction
    public Uni<Tagged<WorkshopView>> schedule(UUID challengeId, WorkshopRequest request, Actor actor) {
        Instant now = clock.instant();
        Workshop.requireSchedulable(request.startsAt(), request.endsAt(), request.location(), request.onlineUrl(),
                now);
        return Challenge.<Challenge>findById(challengeId, LockModeType.PESSIMISTIC_READ)
                .map(c -> actor.ownedOrNotFound(c, x -> x.ownerOrgId, "Challenge " + challengeId))
                .chain(c -> {
                    c.requireAcceptsWorkshops();
                    Workshop w = new Workshop();
                    w.id = UUID.randomUUID();
                    w.challengeId = c.id;
                    w.createdAt = now;
                    ChallengeMapper.apply(request, w);
                    return w.<Workshop>persistAndFlush()
                            .call(x -> audit.record(c.id, actor, "WORKSHOP_SCHEDULED", true,
                                    mapper.createObjectNode().set("workshop",
                                            mapper.valueToTree(ChallengeMapper.toEventData(w))), null, now))
                            .call(x -> events.workshopScheduled(ChallengeMapper.toEventData(w)))
                            .map(x -> new Tagged<>(ChallengeMapper.toView(w, c, now, true, false),
                                    w.tag(c.version, now)));
                });
    }

    /**
     * Changes a workshop before it starts (If-Match): the same rules as scheduling, and a capacity that holds the
     * organisations already registered. Announced as updated; a change that changes nothing writes nothing.
     */
    @WithTransaction
    public Uni<Tagged<WorkshopView>> update(UUID workshopId, WorkshopRequest request, Precondition ifMatch,
            Actor actor) {
        Instant now = clock.instant();
        return ownedForChange(workshopId, ifMatch, actor, now).chain(vw -> {
            Workshop w = vw.workshop();
            vw.challenge().requireAcceptsWorkshops();
            Workshop.requireSchedulable(request.startsAt(), request.endsAt(), request.location(),
                    request.onlineUrl(), now);
            w.requireRoomFor(request.capacity());
            WorkshopEventData before = ChallengeMapper.toEventData(w);
            String linkBefore = w.onlineUrl;
            ChallengeMapper.apply(request, w);
            if (before.equals(ChallengeMapper.toEventData(w)) && Objects.equals(linkBefore, w.onlineUrl)) {
                return Uni.createFrom().item(tagged(vw, now));
            }
            return announce(vw, actor, "WORKSHOP_UPDATED", now, events::workshopUpdated);
        });
    }

    /** Cancels a workshop before it starts, with a reason that is announced; registrations stay recorded. */
    @WithTransaction
    public Uni<Tagged<WorkshopView>> cancel(UUID workshopId, WorkshopCancellation request, Precondition ifMatch,
            Actor actor) {
        Instant now = clock.instant();
        return ownedForChange(workshopId, ifMatch, actor, now).chain(vw -> {
            vw.workshop().cancel(request.reason().strip(), now);
            return announce(vw, actor, "WORKSHOP_CANCELLED", now, events::workshopCancelled);
        });
    }

    private Uni<Tagged<WorkshopView>> announce(Workshops.VisibleWorkshop vw, Actor actor, String action, Instant now,
            Function<WorkshopEventData, Uni<Void>> event) {
        Workshop w = vw.workshop();
        return w.<Workshop>persistAndFlush()
                .call(x -> audit.record(w.challengeId, actor, action, true, mapper.createObjectNode()
                        .set("workshop", mapper.valueToTree(ChallengeMapper.toEventData(w))), null, now))
                .call(x -> event.apply(ChallengeMapper.toEventData(w)))
                .map(x -> tagged(vw, now));
    }

    private static Tagged<WorkshopView> tagged(Workshops.VisibleWorkshop vw, Instant now) {
        Workshop w = vw.workshop();
        return new Tagged<>(ChallengeMapper.toView(w, vw.challenge(), now, true, null),
                w.tag(vw.challenge().version, now));
    }

    /**
     * The workshop and its challenge for a change by the owner: the workshop row locked and the challenge row
     * share-locked (the order registration uses, so a concurrent close waits or is seen), If-Match checked, not
     * started and not cancelled. 404 for whoever may not read it, 403 for another organisation that may.
     */
    private Uni<Workshops.VisibleWorkshop> ownedForChange(UUID workshopId, Precondition ifMatch, Actor actor,
            Instant now) {
        return Workshop.<Workshop>findById(workshopId, LockModeType.PESSIMISTIC_WRITE).chain(w -> {
            if (w == null) {
                throw RuleViolation.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId, LockModeType.PESSIMISTIC_READ).map(found -> {
                Challenge c = actor.ownedOrForbidden(found, x -> x.ownerOrgId, x -> Workshops.readers(x, actor),
                        "Workshop " + workshopId);
                ifMatch.require(w.tag(c.version, now));
                w.requireChangeable(now);
                return new Workshops.VisibleWorkshop(w, c);
            });
        });
    }

    @WithSession
    public Uni<Page<WorkshopView>> list(UUID challengeId, Reader reader, PageRequest page) {
        Instant now = clock.instant();
        return Workshops.visibleChallenge(challengeId, reader).chain(c -> Workshop.<Workshop>find(
                "challengeId = ?1 order by startsAt, id", c.id).page(page.page, page.size).list()
                .chain(ws -> Workshop.count("challengeId", c.id).chain(total -> Workshops.registeredAmong(ws, reader)
                        .map(mine -> Page.of(ws.stream().map(w -> ChallengeMapper.toView(w, c, now,
                                Workshops.insider(c, reader) || mine.contains(w.id),
                                Workshops.registered(reader, mine, w))).toList(), page, total)))));
    }

    @WithSession
    public Uni<Tagged<WorkshopView>> get(UUID workshopId, Reader reader) {
        Instant now = clock.instant();
        return Workshops.visibleWorkshop(workshopId, reader).chain(vw -> Workshops
                .registeredAmong(List.of(vw.workshop()), reader)
                .map(mine -> new Tagged<>(ChallengeMapper.toView(vw.workshop(), vw.challenge(), now,
                        Workshops.insider(vw.challenge(), reader) || !mine.isEmpty(),
                        Workshops.registered(reader, mine, vw.workshop())),
                        vw.workshop().tag(vw.challenge().version, now))));
    }

    /** The workshops the caller's organisation is registered for, by start time, with their meeting links. */
    @WithSession
    public Uni<Page<WorkshopView>> registeredFor(Actor actor, PageRequest page) {
        UUID organisation = actor.requireOrganisation();
        Instant now = clock.instant();
        String where = "id in (select r.workshopId from WorkshopRegistration r where r.organisationId = ?1)";
        return Workshop.count(where, organisation).chain(total -> registeredPage(where, organisation, now, page)
                .map(items -> Page.of(items, page, total)));
    }

    private Uni<List<WorkshopView>> registeredPage(String where, UUID organisation, Instant now, PageRequest page) {
        return Workshop.<Workshop>find(where + " order by startsAt, id", organisation).page(page.page, page.size)
                .list().chain(ws -> {
                    if (ws.isEmpty()) {
                        return Uni.createFrom().item(List.<WorkshopView>of());
                    }
                    return Challenge.<Challenge>list("id in ?1", ws.stream().map(w -> w.challengeId).distinct()
                            .toList()).map(cs -> {
                                Map<UUID, Challenge> challenges = new HashMap<>();
                                cs.forEach(c -> challenges.put(c.id, c));
                                return ws.stream().map(w -> ChallengeMapper.toView(w, challenges.get(w.challengeId),
                                        now, true, true)).toList();
                            });
                });
    }

}
