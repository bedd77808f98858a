package se.utfall.finance.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.audit.Audit;
import se.utfall.finance.api.CommitmentRequest;
import se.utfall.finance.api.CommitmentView;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.CommitmentStatus;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.mapping.FinanceMapper;
import se.utfall.finance.messaging.FinanceEvents;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Investors' commitments to cases. The case's row is locked for each commitment and withdrawal, so concurrent
 * commitments are counted one after the other: the sum never exceeds the capital required (the table checks it
 * too), and the one commitment that reaches it funds the case, once.
 */
@ApplicationScoped
public class CommitmentService {
    private final FinanceEvents events;
    private final Audit audit;
    private final Clock clock;

    public CommitmentService(FinanceEvents events, Audit audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<CommitmentView> commit(UUID caseId, CommitmentRequest request, Actor actor) {
        UUID org = actor.requireOrganisation();
        return InvestorService.byOrganisation(org).chain(investor -> {
            if (investor == null) {
                throw new RuleViolation(RuleViolation.Kind.INCOMPLETE, "Save your organisation's mandate first"
                        + " (PUT /api/v1/investors/mine): a commitment is checked against its ticket",
                        List.of(new RuleViolation.FieldProblem("amount", "no mandate to check it against")));
            }
            if (!investor.ticketAllows(request.amount())) {
                throw new RuleViolation(RuleViolation.Kind.INCOMPLETE, "Outside your mandate's ticket",
                        List.of(new RuleViolation.FieldProblem("amount", "must be within your ticket, "
                                + investor.ticketMinimum().text() + " to " + investor.ticketMaximum().text())));
            }
            return InvestmentCase.<InvestmentCase>findById(caseId, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
                if (c == null) {
                    throw RuleViolation.notFound("case");
                }
                return Commitment.count("caseId = ?1 and investorOrgId = ?2 and status = ?3", c.id, org,
                        CommitmentStatus.ACTIVE).chain(active -> {
                            if (active > 0) {
                                throw RuleViolation.conflict("Your organisation has a commitment to this case; withdraw"
                                        + " it to commit another amount").as("committed-already",
                                                "Committed already");
                            }
                            Instant now = clock.instant();
                            boolean funded = c.commit(request.amount(), now);
                            Commitment m = new Commitment();
                            m.id = UUID.randomUUID();
                            m.caseId = c.id;
                            m.investorOrgId = org;
                            m.amount = request.amount().amount();
                            m.currency = request.amount().currency().getCurrencyCode();
                            m.tranche = request.tranche();
                            m.status = CommitmentStatus.ACTIVE;
                            m.createdAt = now;
                            return m.<Commitment>persist().chain(() -> c.<InvestmentCase>persistAndFlush())
                                    .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id), actor,
                                            "COMMITTED", now).withNote(m.id.toString())))
                                    .call(x -> events.commitmentMade(FinanceMapper.toEvent(m, c, now)))
                                    .call(x -> funded ? audit.record(Audit.Entry.of(CaseService.subject(c.id), actor,
                                            "FUNDED", now)).chain(() -> events.caseFunded(FinanceMapper.toEvent(c)))
                                            : Uni.createFrom().voidItem())
                                    .map(x -> FinanceMapper.toView(m));
                        });
            });
        });
    }

    /** Withdraws the organisation's commitment while its case is still OPEN (If-Match: the commitment's ETag). */
    @WithTransaction
    public Uni<CommitmentView> withdraw(UUID commitmentId, Precondition ifMatch, Actor actor) {
        return Commitment.<Commitment>findById(commitmentId).chain(found -> {
            Commitment m = actor.partyOrNotFound(found, x -> List.of(x.investorOrgId), "commitment");
            return InvestmentCase.<InvestmentCase>findById(m.caseId, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
                ifMatch.require(m.version);
                Instant now = clock.instant();
                m.withdraw(now);
                c.release(m.money(), now);
                return m.<Commitment>persist().chain(() -> c.<InvestmentCase>persistAndFlush())
                        .call(x -> audit.record(Audit.Entry.of(CaseService.subject(c.id), actor, "WITHDRAWN", now)
                                .withNote(m.id.toString())))
                        .call(x -> events.commitmentWithdrawn(FinanceMapper.toEvent(m, c, now)))
                        .map(x -> FinanceMapper.toView(m));
            });
        });
    }

    /**
     * A case's commitments: every one for those who manage the case (and coordinators), an investor's own for an
     * investor; 404 for a case one may not see at all.
     */
    @WithSession
    public Uni<Page<CommitmentView>> ofCase(UUID caseId, Actor actor, boolean coordinator, PageRequest page) {
        return InvestmentCase.<InvestmentCase>findById(caseId).chain(c -> {
            if (c == null) {
                throw RuleViolation.notFound("case");
            }
            boolean all = actor.asReader().isInsider(c, x -> List.of(x.buyerOrgId, x.openedByOrgId)) || coordinator;
            UUID org = actor.organisation() == null ? new UUID(0, 0) : actor.organisation();
            String where = all ? "caseId = ?1" : "caseId = ?1 and investorOrgId = ?2";
            Object[] params = all ? new Object[] {c.id} : new Object[] {c.id, org};
            return Commitment.<Commitment>find(where + " order by createdAt, id", params).page(page.page, page.size)
                    .list().chain(list -> Commitment.count(where, params)
                            .map(total -> Page.of(list.stream().map(FinanceMapper::toView).toList(), page, total)));
        });
    }

    /** The organisation's commitments, newest first. */
    @WithSession
    public Uni<Page<CommitmentView>> mine(Actor actor, PageRequest page) {
        UUID org = actor.requireOrganisation();
        return Commitment.<Commitment>find("investorOrgId = ?1 order by createdAt desc, id", org)
                .page(page.page, page.size).list().chain(list -> Commitment.count("investorOrgId", org)
                        .map(total -> Page.of(list.stream().map(FinanceMapper::toView).toList(), page, total)));
    }
}
