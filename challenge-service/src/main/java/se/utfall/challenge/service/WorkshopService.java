package se.utfall.challenge.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.challenge.api.ContributionRequest;
import se.utfall.challenge.api.ContributionView;
import se.utfall.challenge.api.RegistrationRequest;
import se.utfall.challenge.api.RegistrationView;
import se.utfall.challenge.api.WorkshopRegisteredData;
import se.utfall.challenge.api.WorkshopRequest;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.DomainRuleException;
import se.utfall.challenge.domain.Workshop;
import se.utfall.challenge.domain.WorkshopContribution;
import se.utfall.challenge.domain.WorkshopRegistration;
import se.utfall.challenge.mapping.ChallengeMapper;
import se.utfall.challenge.messaging.ChallengeEvents;
import se.utfall.web.problem.Problem;
import se.utfall.web.problem.ProblemException;
import se.utfall.web.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Workshops of a published challenge: scheduling, registration within capacity, contributions afterwards. */
@ApplicationScoped
public class WorkshopService {
    private final ChallengeEvents events;
    private final AuditTrail audit;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final Clock clock;

    public WorkshopService(ChallengeEvents events, AuditTrail audit,
            com.fasterxml.jackson.databind.ObjectMapper mapper, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<WorkshopView> schedule(UUID challengeId, WorkshopRequest request, Actor actor) {
        Instant now = clock.instant();
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if (!request.endsAt().isAfter(request.startsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        if (!request.startsAt().isAfter(now)) {
            errors.add(new Problem.FieldError("startsAt", "must be in the future"));
        }
        if (isBlank(request.location()) && isBlank(request.onlineUrl())) {
            errors.add(new Problem.FieldError("location", "give a place, an online link, or both"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The workshop has invalid fields", errors);
        }
        return Challenge.<Challenge>findById(challengeId)
                .map(c -> actor.ownedOrNotFound(c, x -> x.ownerOrgId, "Challenge " + challengeId))
                .chain(c -> {
                    if (c.status != ChallengeStatus.PUBLISHED) {
                        throw DomainRuleException.conflict(
                                "Workshops are scheduled for published challenges; this one is " + c.status);
                    }
                    Workshop w = new Workshop();
                    w.id = UUID.randomUUID();
                    w.challengeId = c.id;
                    w.createdAt = now;
                    ChallengeMapper.apply(request, w);
                    return w.<Workshop>persistAndFlush()
                            .map(ChallengeMapper::toView)
                            .call(view -> audit.record(c.id, actor, "WORKSHOP_SCHEDULED", true,
                                    mapper.createObjectNode().set("workshop", mapper.valueToTree(view)), null, now))
                            .call(events::workshopScheduled);
                });
    }

    @WithSession
    public Uni<List<WorkshopView>> list(UUID challengeId, UUID callerOrg, boolean admin) {
        return visibleChallenge(challengeId, callerOrg, admin)
                .chain(c -> Workshop.<Workshop>list("challengeId = ?1 order by startsAt", c.id))
                .map(ws -> ws.stream().map(ChallengeMapper::toView).toList());
    }

    @WithSession
    public Uni<WorkshopView> get(UUID workshopId, UUID callerOrg, boolean admin) {
        return visibleWorkshop(workshopId, callerOrg, admin).map(ChallengeMapper::toView);
    }

    /**
     * Registers the caller's organisation. The workshop row is locked for the rest of the transaction, so
     * concurrent registrations are counted one at a time and capacity is never exceeded.
     */
    @WithTransaction
    public Uni<RegistrationView> register(UUID workshopId, RegistrationRequest request, Actor actor) {
        actor.requireOrganisation();
        Instant now = clock.instant();
        return Workshop.<Workshop>findById(workshopId, LockModeType.PESSIMISTIC_WRITE).chain(w -> {
            if (w == null) {
                throw ProblemException.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId).chain(c -> {
                if (!c.isVisibleTo(actor.organisation()) && !actor.admin()) {
                    throw ProblemException.notFound("Workshop " + workshopId);
                }
                if (c.status != ChallengeStatus.PUBLISHED) {
                    throw DomainRuleException.conflict("Registration is closed: the challenge is " + c.status);
                }
                return WorkshopRegistration.count("workshopId = ?1 and organisationId = ?2", w.id,
                        actor.organisation()).chain(existing -> {
                            if (existing > 0) {
                                throw DomainRuleException.conflict(
                                        "Your organisation is already registered for this workshop");
                            }
                            w.takeSeat(now);
                            WorkshopRegistration r = new WorkshopRegistration();
                            r.id = UUID.randomUUID();
                            r.workshopId = w.id;
                            r.organisationId = actor.organisation();
                            r.organisationName = request == null ? null : request.organisationName();
                            r.participants = request == null || request.participants() == null ? 1
                                    : request.participants();
                            r.registeredBy = actor.subject();
                            r.registeredAt = now;
                            return r.persist().chain(() -> w.<Workshop>persistAndFlush()).chain(() -> {
                                RegistrationView view = ChallengeMapper.toView(r);
                                return events.workshopRegistered(
                                        new WorkshopRegisteredData(ChallengeMapper.toView(w), view))
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
                throw ProblemException.notFound("Registration for workshop " + workshopId);
            }
            return WorkshopRegistration.<WorkshopRegistration>find("workshopId = ?1 and organisationId = ?2", w.id,
                    actor.organisation()).firstResult().chain(r -> {
                        if (r == null) {
                            throw ProblemException.notFound("Registration for workshop " + workshopId);
                        }
                        if (!now.isBefore(w.startsAt)) {
                            throw DomainRuleException.conflict("The workshop has started; registrations stand");
                        }
                        w.releaseSeat();
                        RegistrationView view = ChallengeMapper.toView(r);
                        return r.delete().chain(() -> w.<Workshop>persistAndFlush())
                                .chain(() -> events.workshopRegistrationCancelled(
                                        new WorkshopRegisteredData(ChallengeMapper.toView(w), view)));
                    });
        });
    }

    /** Who registered: for the challenge's owner only. */
    @WithSession
    public Uni<List<RegistrationView>> registrations(UUID workshopId, Actor actor) {
        return ownedWorkshop(workshopId, actor)
                .chain(w -> WorkshopRegistration.<WorkshopRegistration>list(
                        "workshopId = ?1 order by registeredAt", w.id))
                .map(rs -> rs.stream().map(ChallengeMapper::toView).toList());
    }

    @WithTransaction
    public Uni<ContributionView> contribute(UUID workshopId, ContributionRequest request, Actor actor) {
        Instant now = clock.instant();
        return ownedWorkshop(workshopId, actor).chain(w -> {
            if (now.isBefore(w.startsAt)) {
                throw DomainRuleException.conflict("Contributions are recorded once the workshop has started");
            }
            WorkshopContribution c = new WorkshopContribution();
            c.id = UUID.randomUUID();
            c.workshopId = w.id;
            c.organisationId = request.organisationId();
            c.author = request.author();
            c.text = request.text();
            c.recordedBy = actor.subject();
            c.recordedAt = now;
            return c.<WorkshopContribution>persist().map(ChallengeMapper::toView);
        });
    }

    @WithSession
    public Uni<List<ContributionView>> contributions(UUID workshopId, UUID callerOrg, boolean admin) {
        return visibleWorkshop(workshopId, callerOrg, admin)
                .chain(w -> WorkshopContribution.<WorkshopContribution>list(
                        "workshopId = ?1 order by recordedAt", w.id))
                .map(cs -> cs.stream().map(ChallengeMapper::toView).toList());
    }

    private Uni<Challenge> visibleChallenge(UUID challengeId, UUID callerOrg, boolean admin) {
        return Challenge.<Challenge>findById(challengeId).map(c -> {
            if (c == null || !(admin || c.isVisibleTo(callerOrg))) {
                throw ProblemException.notFound("Challenge " + challengeId);
            }
            return c;
        });
    }

    private Uni<Workshop> visibleWorkshop(UUID workshopId, UUID callerOrg, boolean admin) {
        return Workshop.<Workshop>findById(workshopId).chain(w -> {
            if (w == null) {
                throw ProblemException.notFound("Workshop " + workshopId);
            }
            return visibleChallenge(w.challengeId, callerOrg, admin).replaceWith(w)
                    .onFailure(ProblemException.class)
                    .transform(f -> ProblemException.notFound("Workshop " + workshopId));
        });
    }

    private Uni<Workshop> ownedWorkshop(UUID workshopId, Actor actor) {
        return Workshop.<Workshop>findById(workshopId).chain(w -> {
            if (w == null) {
                throw ProblemException.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId)
                    .map(c -> actor.ownedOrNotFound(c, x -> x.ownerOrgId, "Workshop " + workshopId))
                    .replaceWith(w);
        });
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
