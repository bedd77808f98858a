package se.utfall.challenge.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.challenge.api.ContributionRequest;
import se.utfall.challenge.api.ContributionView;
import se.utfall.challenge.config.ChallengeConfig;
import se.utfall.challenge.domain.WorkshopContribution;
import se.utfall.challenge.mapping.ChallengeMapper;
import se.utfall.web.limits.CreationLimit;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Contributions to a workshop once it started: for the buying organisations and the registered participants,
 * within a limit per organisation.
 */
@ApplicationScoped
public class ContributionService {
    private final Clock clock;
    private final CreationLimit contributions;

    public ContributionService(Clock clock, ChallengeConfig config) {
        this.clock = clock;
        this.contributions = new CreationLimit(config.limits().contributions(),
                config.limits().contributionsWindow());
    }

    /**
     * A participant's contribution, once the workshop has started: by the buying organisations or a registered
     * organisation, always in the caller's own organisation's name.
     */
    @WithTransaction
    public Uni<ContributionView> contribute(UUID workshopId, ContributionRequest request, Actor actor) {
        UUID organisation = actor.requireOrganisation();
        Instant now = clock.instant();
        return Workshops.participantWorkshop(workshopId, new Reader(organisation, actor.admin())).chain(w -> {
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
        return Workshops.participantWorkshop(workshopId, reader)
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
        return Workshops.participantWorkshop(workshopId, reader)
                .chain(w -> WorkshopContribution.<WorkshopContribution>find(
                        "workshopId = ?1 order by recordedAt, id", w.id).page(page.page, page.size).list()
                        .chain(cs -> WorkshopContribution.count("workshopId", w.id).map(total -> Page.of(cs.stream()
                                .map(ChallengeMapper::toView).toList(), page, total))));
    }
}
