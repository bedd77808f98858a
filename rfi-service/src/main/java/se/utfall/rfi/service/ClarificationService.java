package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.rfi.api.ClarificationAnswer;
import se.utfall.rfi.api.ClarificationView;
import se.utfall.rfi.domain.Clarification;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.messaging.ClarificationEventData;
import se.utfall.rfi.messaging.RfiEvents;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.http.ETags;
import se.utfall.web.limits.CreationLimit;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Clarifications: asked privately while an RFI is published and not closed, answered by the buying organisation,
 * then public to all with the question as the buyer phrased it and never the asker.
 */
@ApplicationScoped
public class ClarificationService {
    private final RfiAudit trail;
    private final RfiEvents events;
    private final Clock clock;
    private final ZoneId zone;

    private final CreationLimit limit;

    private final OcdsService ocds;

    public ClarificationService(RfiEvents events, Clock clock, RfiConfig config, RfiAudit trail, OcdsService ocds) {
        this.trail = trail;
        this.ocds = ocds;
        this.events = events;
        this.clock = clock;
        this.zone = config.timeZone();
        this.limit = new CreationLimit(config.limits().clarifications(), config.limits().clarificationsWindow());
    }

    /**
     * A question, within the asking organisation's limit per RFI. The RFI's row is locked for writing, so
     * concurrent questions are counted one after another and the limit holds under a burst too.
     */
    @WithTransaction
    public Uni<ClarificationView> ask(UUID rfiId, String question, Actor actor) {
        return Rfis.writeLocked(rfiId).chain(rfi -> {
            Instant now = clock.instant();
            requireAskable(rfi, now);
            return Panache.getSession().chain(s -> s.createSelectionQuery("select count(c), min(c.askedAt)"
                    + " from Clarification c where c.rfiId = :rfi and c.askedByOrgId = :org and c.askedAt > :since",
                    Object[].class).setParameter("rfi", rfiId).setParameter("org", actor.organisation())
                    .setParameter("since", limit.since(now)).getSingleResult())
                    .chain(counted -> {
                        limit.check((Long) counted[0], (Instant) counted[1], now,
                                "clarification questions on one RFI");
                        return persistQuestion(rfiId, question, actor, now);
                    });
        });
    }

    private Uni<ClarificationView> persistQuestion(UUID rfiId, String question, Actor actor, Instant now) {
        Clarification c = new Clarification();
        c.id = UUID.randomUUID();
        c.rfiId = rfiId;
        c.askedByOrgId = actor.organisation();
        c.askedBy = actor.subject();
        c.question = question.trim();
        c.askedAt = now;
        return c.<Clarification>persistAndFlush()
                .call(saved -> audit(saved, actor, "CLARIFICATION_ASKED", now))
                .map(saved -> view(saved, true));
    }

    /** Answers and publishes; the buyer may rephrase the question so the asker cannot be recognised. */
    @WithTransaction
    public Uni<ClarificationView> answer(UUID id, ClarificationAnswer answer, Precondition ifMatch, Actor actor) {
        return Clarification.<Clarification>findById(id).chain(c -> c == null ? notFound()
                : Rfi.<Rfi>findById(c.rfiId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
                    Rfi rfi = actor.ownedOrNotFound(found, x -> x.ownerOrgId, "clarification");
                    ifMatch.require(c.version);
                    if (c.isAnswered()) {
                        throw RuleViolation.conflict("This clarification was answered and published already.");
                    }
                    Instant now = clock.instant();
                    requireAskable(rfi, now);
                    // Numbered in the order of publication: the RFI's row lock serialises the answers.
                    return Clarification.count("rfiId = ?1 and answeredAt is not null", rfi.id).chain(n -> {
                        c.number = n.intValue() + 1;
                        c.publishedQuestion = answer.question() == null || answer.question().isBlank()
                                ? c.question : answer.question().trim();
                        c.answer = answer.answer().trim();
                        c.answeredAt = now;
                        c.answeredBy = actor.subject();
                        return c.<Clarification>persistAndFlush()
                                .call(saved -> audit(saved, actor, "CLARIFICATION_ANSWERED", now))
                                .call(saved -> events.clarificationAnswered(new ClarificationEventData(saved.id,
                                        saved.rfiId, saved.number, saved.publishedQuestion, saved.answer,
                                        Windows.local(saved.answeredAt, zone), saved.version)))
                                .call(saved -> ocds.recordRfi(rfi, List.of("tenderUpdate"), now))
                                .map(saved -> view(saved, true));
                    });
                }));
    }

    /**
     * The published clarifications of a published RFI for everyone; the buyer also sees unanswered ones, an
     * asking organisation its own.
     */
    @WithSession
    public Uni<Page<ClarificationView>> list(UUID rfiId, Reader reader, PageRequest page) {
        return Rfi.<Rfi>findById(rfiId).chain(found -> {
            Rfi rfi = reader.visibleOrNotFound(found, Rfi::isPublic, Rfi::insiders, "clarification");
            boolean buyer = reader.isInsider(rfi, Rfi::insiders);
            String visible = " from Clarification c where c.rfiId = :rfi and (:buyer = true or c.answeredAt is not null"
                    + " or c.askedByOrgId = :org)";
            UUID org = reader.organisation() == null ? new UUID(0, 0) : reader.organisation();
            return Panache.getSession().chain(s -> s.createSelectionQuery("select count(c)" + visible, Long.class)
                    .setParameter("rfi", rfiId).setParameter("buyer", buyer).setParameter("org", org)
                    .getSingleResult().chain(total -> s.createSelectionQuery("select c" + visible
                            + " order by c.number nulls last, c.askedAt, c.id", Clarification.class)
                            .setParameter("rfi", rfiId).setParameter("buyer", buyer).setParameter("org", org)
                            .setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList()
                            .map(rows -> Page.of(rows.stream().map(c -> view(c, buyer
                                    || c.askedByOrgId.equals(reader.organisation()))).toList(), page, total))));
        });
    }

    private void requireAskable(Rfi rfi, Instant now) {
        Reader.ANONYMOUS.visibleOrNotFound(rfi, Rfi::isPublic, x -> List.of(), "RFI");
        boolean open = (rfi.status == RfiStatus.SCHEDULED || rfi.status == RfiStatus.OPEN)
                && now.isBefore(rfi.closesAt);
        if (!open) {
            throw RuleViolation.conflict("Clarifications are asked and answered until "
                    + Windows.local(rfi.closesAt, zone) + "; nothing was changed.").as("rfi-closed",
                            "The RFI is closed");
        }
    }

    private ClarificationView view(Clarification c, boolean privileged) {
        return new ClarificationView(c.id, c.rfiId, c.number, c.isAnswered() ? c.publishedQuestion : null,
                c.answer, Windows.local(c.answeredAt, zone), privileged ? c.question : null,
                privileged ? Windows.local(c.askedAt, zone) : null, c.version, ETags.of(c.version));
    }

    private Uni<Void> audit(Clarification c, Actor actor, String action, Instant at) {
        return trail.record(c.rfiId, null, actor, action, null, null, at);
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(RuleViolation.notFound("clarification"));
    }
}
