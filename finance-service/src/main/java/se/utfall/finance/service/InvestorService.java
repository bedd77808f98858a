package se.utfall.finance.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.audit.Audit;
import se.utfall.audit.Subject;
import se.utfall.finance.api.InvestorView;
import se.utfall.finance.api.MandateRequest;
import se.utfall.finance.domain.Investor;
import se.utfall.finance.mapping.FinanceMapper;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An investor organisation's mandate: one per organisation, seen and changed by that organisation only. */
@ApplicationScoped
public class InvestorService {
    private final Audit audit;
    private final Clock clock;

    public InvestorService(Audit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A saved mandate, and whether this save created it (201) or replaced it (200). */
    public record Saved(InvestorView view, boolean created) {
    }

    @WithSession
    public Uni<InvestorView> mine(Actor actor) {
        return byOrganisation(actor.requireOrganisation())
                .map(i -> FinanceMapper.toView(actor.ownedOrNotFound(i, x -> x.orgId,
                        "mandate of your organisation")));
    }

    /** Creates the organisation's mandate, or replaces it (then If-Match must name the current version). */
    @WithTransaction
    public Uni<Saved> save(MandateRequest request, Precondition ifMatch, Actor actor) {
        UUID org = actor.requireOrganisation();
        if (!request.ticketMin().sameCurrencyAs(request.ticketMax())) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "A ticket range has one currency",
                    List.of(new RuleViolation.FieldProblem("ticketMax.currency", "must be ticketMin's currency")));
        }
        return byOrganisation(org).chain(existing -> {
            Instant now = clock.instant();
            Investor i = existing;
            if (i == null) {
                if (ifMatch.namesAVersion()) {
                    throw RuleViolation.stale("Your organisation has no mandate yet");
                }
                i = new Investor();
                i.id = UUID.randomUUID();
                i.orgId = org;
                i.createdAt = now;
            } else {
                ifMatch.require(i.version);
            }
            FinanceMapper.apply(request, i);
            if (actor.organisationName() != null) {
                i.orgName = actor.organisationName();
            }
            i.requireConsistent();
            i.updatedAt = now;
            Investor saved = i;
            return saved.<Investor>persistAndFlush()
                    .call(x -> audit.record(Audit.Entry.of(Subject.of("investor", saved.id), actor,
                            existing == null ? "MANDATE_CREATED" : "MANDATE_REPLACED", now)))
                    .map(x -> new Saved(FinanceMapper.toView(x), existing == null));
        });
    }

    static Uni<Investor> byOrganisation(UUID org) {
        return Investor.<Investor>find("orgId", org).firstResult();
    }
}
