package se.utfall.challenge.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.challenge.api.ContributionRequest;
import se.utfall.challenge.api.ContributionView;
import se.utfall.challenge.api.RegistrationRequest;
import se.utfall.challenge.api.RegistrationView;
import se.utfall.challenge.api.WorkshopCancellation;
import se.utfall.challenge.api.WorkshopRequest;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.challenge.config.ChallengeConfig;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.Workshop;
import se.utfall.challenge.domain.WorkshopContribution;
import se.utfall.challenge.domain.WorkshopRegistration;
import se.utfall.challenge.mapping.ChallengeMapper;
import se.utfall.challenge.messaging.ChallengeEvents;
import se.utfall.challenge.messaging.WorkshopEventData;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.http.Tagged;
import se.utfall.web.limits.CreationLimit;
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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Workshops of a published challenge: scheduling, registration within capacity, contributions once started.
 * Who registered, the meeting link and the contributions are for the buying organisations and the registered
 * participants; everyone who may read the challenge sees the workshop and its seats.
 */
@ApplicationScoped
public class WorkshopService {
    private final ChallengeEvents events;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final CreationLimit contributions;

    public WorkshopService(ChallengeEvents events, AuditTrail audit, ObjectMapper mapper, Clock clock,
            ChallengeConfig config) {
        this.events = events;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
        this.contributions = new CreationLimit(config.limits().contributions(),
                config.limits().contributionsWindow());
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

    private Uni<Tagged<WorkshopView>> announce(VisibleWorkshop vw, Actor actor, String action, Instant now,
            Function<WorkshopEventData, Uni<Void>> event) {
        Workshop w = vw.workshop();
        return w.<Workshop>persistAndFlush()
                .call(x -> audit.record(w.challengeId, actor, action, true, mapper.createObjectNode()
                        .set("workshop", mapper.valueToTree(ChallengeMapper.toEventData(w))), null, now))
                .call(x -> event.apply(ChallengeMapper.toEventData(w)))
                .map(x -> tagged(vw, now));
    }

    private static Tagged<WorkshopView> tagged(VisibleWorkshop vw, Instant now) {
        Workshop w = vw.workshop();
        return new Tagged<>(ChallengeMapper.toView(w, vw.challenge(), now, true, null),
                w.tag(vw.challenge().version, now));
    }

    /**
     * The workshop and its challenge for a change by the owner: the workshop row locked and the challenge row
     * share-locked (the order registration uses, so a concurrent close waits or is seen), If-Match checked, not
     * started and not cancelled. 404 for whoever may not read it, 403 for another organisation that may.
     */
    private Uni<VisibleWorkshop> ownedForChange(UUID workshopId, Precondition ifMatch, Actor actor, Instant now) {
        return Workshop.<Workshop>findById(workshopId, LockModeType.PESSIMISTIC_WRITE).chain(w -> {
            if (w == null) {
                throw RuleViolation.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId, LockModeType.PESSIMISTIC_READ).map(found -> {
                Challenge c = actor.ownedOrForbidden(found, x -> x.ownerOrgId, x -> readers(x, actor),
                        "Workshop " + workshopId);
                ifMatch.require(w.tag(c.version, now));
                w.requireChangeable(now);
                return new VisibleWorkshop(w, c);
            });
        });
    }

    @WithSession
    public Uni<Page<WorkshopView>> list(UUID challengeId, Reader reader, PageRequest page) {
        Instant now = clock.instant();
        return visibleChallenge(challengeId, reader).chain(c -> Workshop.<Workshop>find(
                "challengeId = ?1 order by startsAt, id", c.id).page(page.page, page.size).list()
                .chain(ws -> Workshop.count("challengeId", c.id).chain(total -> registeredAmong(ws, reader)
                        .map(mine -> Page.of(ws.stream().map(w -> ChallengeMapper.toView(w, c, now,
                                insider(c, reader) || mine.contains(w.id), registered(reader, mine, w))).toList(),
                                page, total)))));
    }

    @WithSession
    public Uni<Tagged<WorkshopView>> get(UUID workshopId, Reader reader) {
        Instant now = clock.instant();
        return visibleWorkshop(workshopId, reader).chain(vw -> registeredAmong(List.of(vw.workshop()), reader)
                .map(mine -> new Tagged<>(ChallengeMapper.toView(vw.workshop(), vw.challenge(), now,
                        insider(vw.challenge(), reader) || !mine.isEmpty(), registered(reader, mine, vw.workshop())),
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

    /** The caller's organisation's registration for a workshop, or 404. */
    @WithSession
    public Uni<RegistrationView> myRegistration(UUID workshopId, Actor actor) {
        UUID organisation = actor.requireOrganisation();
        return WorkshopRegistration.<WorkshopRegistration>find("workshopId = ?1 and organisationId = ?2",
                workshopId, organisation).firstResult().map(r -> {
                    if (r == null) {
                        throw RuleViolation.notFound("Registration for workshop " + workshopId);
                    }
                    return ChallengeMapper.toView(r);
                });
    }

    /** Who may read a challenge's workshops: every organisation once it is public, else its readers. */
    private static Set<UUID> readers(Challenge c, Actor actor) {
        return c.isPublic() && actor.organisation() != null ? Set.of(actor.organisation()) : c.readers();
    }

    private static Boolean registered(Reader reader, Set<UUID> mine, Workshop w) {
        return reader.organisation() == null ? null : mine.contains(w.id);
    }

    /**
     * Registers the caller's organisation. The workshop row is locked for the rest of the transaction, so
     * concurrent registrations are counted one at a time and capacity is never exceeded; the challenge row is
     * share-locked, so a concurrent close cannot slip in between the check and the commit.
     */
    @WithTransaction
    public Uni<RegistrationView> register(UUID workshopId, RegistrationRequest request, Actor actor) {
        UUID organisation = actor.requireOrganisation();
        Instant now = clock.instant();
        Reader reader = new Reader(organisation, actor.admin());
        return Workshop.<Workshop>findById(workshopId, LockModeType.PESSIMISTIC_WRITE).chain(w -> {
            if (w == null) {
                throw RuleViolation.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId, LockModeType.PESSIMISTIC_READ).chain(found -> {
                Challenge c = reader.visibleOrNotFound(found, Challenge::isPublic, Challenge::readers,
                        "Workshop " + workshopId);
                if (c.status != ChallengeStatus.PUBLISHED) {
                    throw RuleViolation.conflict("Registration is closed: the challenge is " + c.status);
                }
                return WorkshopRegistration.count("workshopId = ?1 and organisationId = ?2", w.id, organisation)
                        .chain(existing -> {
                            if (existing > 0) {
                                throw RuleViolation.conflict(
                                        "Your organisation is already registered for this workshop");
                            }
                            w.takeSeat(now);
                            WorkshopRegistration r = new WorkshopRegistration();
                            r.id = UUID.randomUUID();
                            r.workshopId = w.id;
                            r.organisationId = organisation;
                            r.organisationName = actor.organisationName() != null ? actor.organisationName()
                                    : request == null ? null : request.organisationName();
                            r.participants = request == null || request.participants() == null ? 1
                                    : request.participants();
                            r.registeredBy = actor.subject();
                            r.registeredAt = now;
                            return r.persist().chain(() -> w.<Workshop>persistAndFlush()).chain(() -> {
                                RegistrationView view = ChallengeMapper.toView(r);
                                return events.workshopRegistered(ChallengeMapper.toEventData(w, r))
                                        .replaceWith(view);
                            });
                        });
            });
        });
    }

    /** Cancels the caller's organisation's registration before the workshop starts, freeing its seat. */
    @WithTransaction
    public Uni<Void> cancelRegistration(UUID workshopId, Actor actor) {
        Instant now = clock.instant();
        return Workshop.<Workshop>findById(workshopId, LockModeType.PESSIMISTIC_WRITE).chain(w -> {
            if (w == null || actor.organisation() == null) {
                throw RuleViolation.notFound("Registration for workshop " + workshopId);
            }
            return WorkshopRegistration.<WorkshopRegistration>find("workshopId = ?1 and organisationId = ?2", w.id,
                    actor.organisation()).firstResult().chain(r -> {
                        if (r == null) {
                            throw RuleViolation.notFound("Registration for workshop " + workshopId);
                        }
                        if (!now.isBefore(w.startsAt)) {
                            throw RuleViolation.conflict("The workshop has started; registrations stand");
                        }
                        w.releaseSeat();
                        return r.delete().chain(() -> w.<Workshop>persistAndFlush())
                                .chain(() -> events.workshopRegistrationCancelled(ChallengeMapper.toEventData(w, r)));
                    });
        });
    }

    /** Who registered: for the challenge's owner only. */
    @WithSession
    public Uni<Page<RegistrationView>> registrations(UUID workshopId, Actor actor, PageRequest page) {
        return ownedWorkshop(workshopId, actor)
                .chain(w -> WorkshopRegistration.<WorkshopRegistration>find(
                        "workshopId = ?1 order by registeredAt, id", w.id).page(page.page, page.size).list()
                        .chain(rs -> WorkshopRegistration.count("workshopId", w.id).map(total -> Page.of(rs.stream()
                                .map(ChallengeMapper::toView).toList(), page, total))));
    }

    /**
     * A participant's contribution, once the workshop has started: by the buying organisations or a registered
     * organisation, always in the caller's own organisation's name.
     */
    @WithTransaction
    public Uni<ContributionView> contribute(UUID workshopId, ContributionRequest request, Actor actor) {
        UUID organisation = actor.requireOrganisation();
        Instant now = clock.instant();
        return participantWorkshop(workshopId, new Reader(organisation, actor.admin())).chain(w -> {
            if (w.cancelledAt != null) {
                throw RuleViolation.conflict("The workshop was cancelled; there is nothing to contribute to");
            }
            if (now.isBefore(w.startsAt)) {
                throw RuleViolation.conflict("Contributions are recorded once the workshop has started");
            }
            // The workshop's row is locked, so a burst of contributions is counted one after another.
            return Panache.getSession().chain(s -> s.lock(w, LockModeType.PESSIMISTIC_WRITE).chain(() -> s
                    .createSelectionQuery("select count(c), min(c.recordedAt)"
                    + " from WorkshopContribution c where c.workshopId = :workshop and c.organisationId = :org"
                    + " and c.recordedAt > :since", Object[].class).setParameter("workshop", w.id)
                    .setParameter("org", organisation).setParameter("since", contributions.since(now))
                    .getSingleResult())).chain(counted -> {
                        contributions.check((Long) counted[0], (Instant) counted[1], now,
                                "contributions to one workshop");
                        WorkshopContribution c = new WorkshopContribution();
                        c.id = UUID.randomUUID();
                        c.workshopId = w.id;
                        c.organisationId = organisation;
                        c.author = request.author();
                        c.text = request.text();
                        c.recordedBy = actor.subject();
                        c.recordedAt = now;
                        return c.<WorkshopContribution>persist().map(ChallengeMapper::toView);
                    });
        });
    }

    /** One contribution, for those who may read the workshop's contributions. */
    @WithSession
    public Uni<ContributionView> contribution(UUID workshopId, UUID contributionId, Reader reader) {
        return participantWorkshop(workshopId, reader)
                .chain(w -> WorkshopContribution.<WorkshopContribution>find("id = ?1 and workshopId = ?2",
                        contributionId, w.id).<WorkshopContribution>firstResult())
                .map(c -> {
                    if (c == null) {
                        throw RuleViolation.notFound("Contribution " + contributionId);
                    }
                    return ChallengeMapper.toView(c);
                });
    }

    /** Contributions: for the buying organisations and the registered participants. */
    @WithSession
    public Uni<Page<ContributionView>> contributions(UUID workshopId, Reader reader, PageRequest page) {
        return participantWorkshop(workshopId, reader)
                .chain(w -> WorkshopContribution.<WorkshopContribution>find(
                        "workshopId = ?1 order by recordedAt, id", w.id).page(page.page, page.size).list()
                        .chain(cs -> WorkshopContribution.count("workshopId", w.id).map(total -> Page.of(cs.stream()
                                .map(ChallengeMapper::toView).toList(), page, total))));
    }

    private record VisibleWorkshop(Workshop workshop, Challenge challenge) {
    }

    private static boolean insider(Challenge c, Reader reader) {
        return reader.isInsider(c, Challenge::buyers);
    }

    /** Ids of those of {@code workshops} the reader's organisation registered for. */
    private static Uni<Set<UUID>> registeredAmong(List<Workshop> workshops, Reader reader) {
        if (reader.organisation() == null || workshops.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return WorkshopRegistration.<WorkshopRegistration>list("organisationId = ?1 and workshopId in ?2",
                reader.organisation(), workshops.stream().map(w -> w.id).toList())
                .map(rs -> Set.copyOf(rs.stream().map(r -> r.workshopId).toList()));
    }

    private Uni<Challenge> visibleChallenge(UUID challengeId, Reader reader) {
        return Challenge.<Challenge>findById(challengeId).map(c -> reader.visibleOrNotFound(c, Challenge::isPublic,
                Challenge::readers, "Challenge " + challengeId));
    }

    private Uni<VisibleWorkshop> visibleWorkshop(UUID workshopId, Reader reader) {
        return Workshop.<Workshop>findById(workshopId).chain(w -> {
            if (w == null) {
                throw RuleViolation.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId).map(c -> new VisibleWorkshop(w,
                    reader.visibleOrNotFound(c, Challenge::isPublic, Challenge::readers, "Workshop " + workshopId)));
        });
    }

    /** The workshop, if the reader is of a buying organisation or registered for it: else 403 (or 404 if hidden). */
    private Uni<Workshop> participantWorkshop(UUID workshopId, Reader reader) {
        return visibleWorkshop(workshopId, reader).chain(vw -> {
            if (insider(vw.challenge(), reader)) {
                return Uni.createFrom().item(vw.workshop());
            }
            return registeredAmong(List.of(vw.workshop()), reader).map(mine -> {
                if (mine.isEmpty()) {
                    throw RuleViolation.forbidden("not-a-participant",
                            "Contributions are for the buying organisations and the registered participants");
                }
                return vw.workshop();
            });
        });
    }

    private Uni<Workshop> ownedWorkshop(UUID workshopId, Actor actor) {
        return Workshop.<Workshop>findById(workshopId).chain(w -> {
            if (w == null) {
                throw RuleViolation.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId)
                    .map(c -> actor.ownedOrNotFound(c, x -> x.ownerOrgId, "Workshop " + workshopId))
                    .replaceWith(w);
        });
    }
}
