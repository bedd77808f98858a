package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.mapping.RfiMapper;
import se.utfall.rfi.messaging.RfiEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Opens and closes windows on time, each exactly once with its event, however many replicas run it: a due RFI is
 * taken with {@code FOR UPDATE}, so a second replica waits for the first's commit and then no longer finds the
 * row due (PostgreSQL re-checks the condition on the locked row). Closing takes the same row lock that a
 * submission holds, so no response commits as submitted after the RFI committed as closed.
 */
@ApplicationScoped
public class RfiScheduler {
    private final RfiAudit trail;
    private static final Logger LOG = Logger.getLogger(RfiScheduler.class);
    private static final int BATCH = 100;

    private final RfiEvents events;
    private final RfiConfig config;
    private final Clock clock;
    private ScheduledExecutorService executor;

    private final OcdsService ocds;

    public RfiScheduler(RfiEvents events, RfiConfig config, Clock clock, RfiAudit trail, OcdsService ocds) {
        this.trail = trail;
        this.ocds = ocds;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.schedulerEnabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rfi-scheduler");
            t.setDaemon(true);
            return t;
        });
        long every = config.schedulerInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (Throwable t) {
            // The database may be away for a moment: the next tick tries again, nothing is lost.
            LOG.warnf("RFI scheduler round failed (%s); trying again in %s", t.getMessage(),
                    config.schedulerInterval());
        }
    }

    /** One round: opens what is due to open, then closes what is due to close. Answers how many changed. */
    public int tick() throws Exception {
        Instant now = clock.instant();
        int opened = inTransaction(() -> due("status = ?1 and opensAt <= ?2 order by opensAt", RfiStatus.SCHEDULED,
                now).chain(rfis -> apply(rfis, now, true)));
        int closed = inTransaction(() -> due("status in ?1 and closesAt <= ?2 order by closesAt",
                List.of(RfiStatus.OPEN, RfiStatus.SCHEDULED), now).chain(rfis -> apply(rfis, now, false)));
        return opened + closed;
    }

    /** Runs on a Vert.x context of its own and waits: this is the scheduler's thread, never an event loop. */
    private static int inTransaction(Supplier<Uni<Integer>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Uni<List<Rfi>> due(String query, Object status, Instant now) {
        return Rfi.<Rfi>find(query, status, now).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
    }

    private Uni<Integer> apply(List<Rfi> rfis, Instant now, boolean open) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (Rfi r : rfis) {
            chain = chain.chain(n -> {
                boolean wasScheduled = r.status == RfiStatus.SCHEDULED;
                boolean changed = open ? r.openIfDue(now) : r.closeIfDue(now);
                if (!changed) {
                    return Uni.createFrom().item(n);
                }
                LOG.infof("RFI %s %s (window %s – %s)", r.id, open ? "opened" : "closed", r.opensAt, r.closesAt);
                return r.<Rfi>persistAndFlush()
                        .call(() -> audit(r, open ? "OPENED" : "CLOSED", now))
                        // A window that passed entirely while nobody looked still opened and closed, in order.
                        .call(() -> !open && wasScheduled ? events.opened(RfiMapper.toEvent(r, null,
                                config.timeZone())) : Uni.createFrom().voidItem())
                        .call(() -> open ? events.opened(RfiMapper.toEvent(r, null, config.timeZone()))
                                : events.closed(RfiMapper.toEvent(r, null, config.timeZone())))
                        .call(() -> ocds.recordRfi(r, List.of("tenderUpdate"), now))
                        .map(x -> n + 1);
            });
        }
        return chain;
    }

    private Uni<Void> audit(Rfi r, String action, Instant at) {
        return trail.record(r.id, null, RfiAudit.SCHEDULER, action, null, null, at);
    }
}
