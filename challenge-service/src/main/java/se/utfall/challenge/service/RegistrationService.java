package se.utfall.challenge.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.challenge.api.RegistrationRequest;
import se.utfall.challenge.api.RegistrationView;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.Workshop;
import se.utfall.challenge.domain.WorkshopRegistration;
import se.utfall.challenge.mapping.ChallengeMapper;
import se.utfall.challenge.messaging.ChallengeEvents;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Registration for a workshop within its capacity, for organisations that may read its challenge. */
@ApplicationScoped
public class RegistrationService {
    private final ChallengeEvents events;
    private final Clock clock;

    public RegistrationService(ChallengeEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
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
        return Workshops.ownedWorkshop(workshopId, actor)
                .chain(w -> WorkshopRegistration.<WorkshopRegistration>find(
                        "workshopId = ?1 order by registeredAt, id", w.id).page(page.page, page.size).list()
                        .chain(rs -> WorkshopRegistration.count("workshopId", w.id).map(total -> Page.of(rs.stream()
                                .map(ChallengeMapper::toView).toList(), page, total))));
    }
}
