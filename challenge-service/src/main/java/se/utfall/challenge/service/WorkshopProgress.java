package se.utfall.challenge.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import se.utfall.challenge.config.ChallengeConfig;
import se.utfall.challenge.domain.ChallengeAggregate;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.Phase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The process trail learns that workshops were held: once a challenge's first workshop (not cancelled) has
 * started, its workshops phase has started on that day. Time, not a request, makes it so; every replica looks,
 * and one that loses the race to another changes nothing (the challenge's version decides).
 */
@ApplicationScoped
public class WorkshopProgress {
    private static final Logger LOG = Logger.getLogger(WorkshopProgress.class);
    private static final String DUE = "select w.challengeId, min(w.startsAt) from Workshop w"
            + " where w.cancelledAt is null and w.startsAt <= :now and w.challengeId in (select p.key.challengeId"
            + " from ProcessPhase p where p.key.phase = :phase and p.actualStart is null) and w.challengeId in"
            + " (select c.id from Challenge c where c.status = :published) group by w.challengeId"
            + " order by min(w.startsAt)";

    private final ChallengeService challenges;
    private final ChallengeConfig config;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public WorkshopProgress(ChallengeService challenges, ChallengeConfig config, Clock clock) {
        this.challenges = challenges;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workshop-progress");
            t.setDaemon(true);
            return t;
        });
        long every = config.progressInterval().toMillis();
        executor.scheduleWithFixedDelay(this::roundQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void roundQuietly() {
        try {
            round();
        } catch (Throwable t) {
            // The database may be away, or another replica recorded it first: the next round looks again.
            LOG.debugf("Workshop progress round failed (%s); trying again", t.getMessage());
        }
    }

    /** One round: each challenge whose first workshop has started gets its workshops phase started. */
    void round() throws Throwable {
        Instant now = clock.instant();
        List<Object[]> due = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache
                .getSession().chain(s -> s.createSelectionQuery(DUE, Object[].class).setParameter("now", now)
                        .setParameter("phase", Phase.WORKSHOPS).setParameter("published", ChallengeStatus.PUBLISHED)
                        .setMaxResults(100).getResultList())));
        for (Object[] row : due) {
            UUID challenge = (UUID) row[0];
            Instant first = (Instant) row[1];
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> challenges.recordProgress(
                        challenge, Phase.WORKSHOPS, first.atZone(ChallengeAggregate.SWEDEN).toLocalDate(), null,
                        "A workshop was held")).replaceWith(Boolean.TRUE));
            } catch (Throwable t) {
                // One challenge that cannot be marked (another replica was first, or its event is refused) does
                // not hold up the others; it is tried again next round.
                LOG.warnf("Could not mark the workshops phase of challenge %s as started (%s)", challenge,
                        t.getMessage());
            }
        }
    }
}
