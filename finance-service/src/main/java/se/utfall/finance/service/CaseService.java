package se.utfall.finance.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.audit.Audit;
import se.utfall.audit.HistoryEntry;
import se.utfall.audit.HistoryQuery;
import se.utfall.audit.Subject;
import se.utfall.finance.api.CaseFitView;
import se.utfall.finance.api.CaseRequest;
import se.utfall.finance.api.CaseView;
import se.utfall.finance.api.InvestorFitView;
import se.utfall.finance.domain.AwardedContract;
import se.utfall.finance.domain.CaseStatus;
import se.utfall.finance.domain.Fit;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.Investor;
import se.utfall.finance.domain.KnownChallenge;
import se.utfall.finance.domain.ShortlistedResponse;
import se.utfall.finance.mapping.FinanceMapper;
import se.utfall.finance.messaging.FinanceEvents;
import se.utfall.web.json.JsonText;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Investment cases: opened by a buyer of the challenge (or a coordinator) for a shortlisted response; public as
 * aggregates; ranked for investors by their mandates, and investors ranked for a case, each with its reasons.
 */
@ApplicationScoped
public class CaseService {
    /** How many open cases or investors a ranking reads at most; the first ones are shown. */
    static final int RANKED = 500;

    private final FinanceEvents events;
    private final Audit audit;
    private final Clock clock;

    public CaseService(FinanceEvents events, Audit audit, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    static Subject subject(UUID caseId) {
        return Subject.of("case", caseId);
    }

    /**
     * Opens a case for a shortlisted response known here; {@code coordinator}: the actor may open one for any
     * challenge (RISE's role), else only a buyer of the challenge may.
     */
    @WithTransaction
    public Uni<CaseView> open(CaseRequest request, Actor actor, boolean coordinator) {
        UUID org = actor.requireOrganisation();
        return ShortlistedResponse.<ShortlistedResponse>findById(request.responseId()).chain(response -> {
            if (response == null) {
                throw RuleViolation.notYetKnown("finance-service does not know this decision (yet)", "responseId",
                        "no decision on this response has arrived here yet: finance-service learns decisions from"
                                + " rfi-service's events; ask again after Retry-After", 2);
            }
            return KnownChallenge.<KnownChallenge>findById(response.challengeId).chain(challenge -> {
                if (challenge == null) {
                    throw RuleViolation.notYetKnown("finance-service does not know the challenge (yet)",
                            "responseId", "the response's challenge has not arrived here yet", 2);
                }
                if (!actor.admin() && !coordinator && !challenge.buyers().contains(org)) {
                    throw RuleViolation.notFound("shortlisted response");
                }
                if (!response.shortlisted) {
                    throw new RuleViolation(RuleViolation.Kind.INCOMPLETE, "A case opens for a shortlisted response",
                            List.of(new RuleViolation.FieldProblem("responseId", "was not shortlisted")));
                }
                List<UUID> goals = request.outcomeGoalIds() == null || request.outcomeGoalIds().isEmpty()
                        ? challenge.goalIds() : request.outcomeGoalIds().stream().distinct().toList();
                RuleViolation.Problems p = new RuleViolation.Problems();
                for (int i = 0; request.outcomeGoalIds() != null && i < request.outcomeGoalIds().size(); i++) {
                    if (!challenge.goalIds().contains(request.outcomeGoalIds().get(i))) {
                        p.add("outcomeGoalIds[" + i + "]", "is not an outcome goal of the challenge");
                    }
                }
                if (request.capitalRequired().amount().compareTo(BigDecimal.ZERO) <= 0) {
                    p.add("capitalRequired.amount", "must be more than 0");
                }
                p.throwIfAny(RuleViolation.Kind.INVALID, "The case has invalid fields");
                return InvestmentCase.count("responseId = ?1 and status not in ?2", response.id,
                        List.of(CaseStatus.CANCELLED, CaseStatus.TERMINATED)).chain(open -> {
                            if (open > 0) {
                                throw RuleViolation.conflict("This response has a case already")
                                        .as("case-exists", "A case exists for this response");
                            }
                            return persist(newCase(request, response, challenge, goals, org), actor);
                        });
            });
        });
    }

    private InvestmentCase newCase(CaseRequest request, ShortlistedResponse response, KnownChallenge challenge,
            List<UUID> goals, UUID org) {
        Instant now = clock.instant();
        InvestmentCase c = new InvestmentCase();
        c.id = UUID.randomUUID();
        c.responseId = response.id;
        c.rfiId = response.rfiId;
        c.challengeId = challenge.id;
        c.buyerOrgId = challenge.ownerOrgId;
        c.providerOrgId = response.organisationId;
        c.openedByOrgId = org;
        c.title = challenge.title;
        c.municipalityCode = challenge.municipalityCode;
        c.sectors = challenge.sectors;
        c.sdgTargets = challenge.sdgTargets;
        c.outcomeGoalIds = JsonText.write(goals);
        c.capitalRequired = request.capitalRequired().amount();
        c.committed = BigDecimal.ZERO.setScale(2);
        c.currency = request.capitalRequired().currency().getCurrencyCode();
        c.durationMonths = request.durationMonths();
        c.status = CaseStatus.OPEN;
        c.openedAt = now;
        c.updatedAt = now;
        return c;
    }

    private Uni<CaseView> persist(InvestmentCase c, Actor actor) {
        return c.<InvestmentCase>persistAndFlush()
                .call(x -> audit.record(Audit.Entry.of(subject(c.id), actor, "CASE_OPENED", c.openedAt)))
                .call(x -> events.caseOpened(FinanceMapper.toEvent(c)))
                .map(FinanceMapper::toView);
    }

    /** A case as the public sees it: aggregates only. */
    @WithSession
    public Uni<CaseView> get(UUID id) {
        return InvestmentCase.<InvestmentCase>findById(id).chain(c -> {
            if (c == null) {
                throw RuleViolation.notFound("case");
            }
            return awards(List.of(c.responseId)).map(awards -> FinanceMapper.toView(c, awards.get(c.responseId)));
        });
    }

    /** Cases, newest first; {@code status} null: every status. */
    @WithSession
    public Uni<Page<CaseView>> list(CaseStatus status, PageRequest page) {
        var query = status == null ? InvestmentCase.<InvestmentCase>find("order by openedAt desc, id")
                : InvestmentCase.<InvestmentCase>find("status = ?1 order by openedAt desc, id", status);
        return query.page(page.page, page.size).list().chain(list -> (status == null ? InvestmentCase.count()
                : InvestmentCase.count("status", status)).chain(total -> awards(list.stream().map(c -> c.responseId)
                .toList()).map(awards -> Page.of(list.stream().map(c -> FinanceMapper.toView(c,
                        awards.get(c.responseId))).toList(), page, total))));
    }

    /** The contract awarded to each of these responses (the latest, should a procurement award one twice). */
    private static Uni<Map<UUID, AwardedContract>> awards(List<UUID> responseIds) {
        if (responseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return AwardedContract.<AwardedContract>list("responseId in ?1 order by signedAt", responseIds)
                .map(list -> {
                    Map<UUID, AwardedContract> byResponse = new HashMap<>();
                    list.forEach(a -> byResponse.put(a.responseId, a));
                    return byResponse;
                });
    }

    /** Open cases ranked for the actor's mandate: those it can take first, then by score, newest first. */
    @WithSession
    public Uni<List<CaseFitView>> recommended(Actor actor, int limit) {
        return InvestorService.byOrganisation(actor.requireOrganisation()).chain(found -> {
            Investor investor = actor.ownedOrNotFound(found, x -> x.orgId,
                    "mandate of your organisation (save it first: PUT /api/v1/investors/mine)");
            return InvestmentCase.<InvestmentCase>find("status = ?1 order by openedAt desc, id", CaseStatus.OPEN)
                    .page(0, RANKED).list().map(cases -> cases.stream()
                            .map(c -> new Ranked<>(c, Fit.of(investor, c)))
                            .sorted(Ranked.BEST_FIRST).limit(limit)
                            .map(r -> new CaseFitView(FinanceMapper.toView(r.item()), FinanceMapper.toView(r.fit())))
                            .toList());
        });
    }

    /** Investors ranked for a case, for its buyer and whoever opened it (and coordinators); 404 for others. */
    @WithSession
    public Uni<List<InvestorFitView>> investorsFor(UUID caseId, Actor actor, boolean coordinator, int limit) {
        return managed(caseId, actor, coordinator).chain(c -> Investor.<Investor>findAll().page(0, RANKED).list()
                .map(investors -> investors.stream()
                        .map(i -> new Ranked<>(i, Fit.of(i, c)))
                        .sorted(Ranked.BEST_FIRST).limit(limit)
                        .map(r -> new InvestorFitView(r.item().id, r.item().orgId, r.item().orgName, r.item().name,
                                FinanceMapper.toView(r.fit())))
                        .toList()));
    }

    /** The case's audit history, for those who manage it. */
    @WithSession
    public Uni<Page<HistoryEntry>> history(UUID caseId, Actor actor, boolean coordinator, PageRequest page) {
        return managed(caseId, actor, coordinator).chain(c -> audit.history(HistoryQuery.of(subject(c.id)),
                HistoryEntry.Detail.FULL, page));
    }

    /** The case, if the actor manages it (its buyer or whoever opened it), is a coordinator or an admin. */
    static Uni<InvestmentCase> managed(UUID caseId, Actor actor, boolean coordinator) {
        return InvestmentCase.<InvestmentCase>findById(caseId).map(c -> actor.asReader().visibleOrNotFound(c,
                x -> coordinator, x -> List.of(x.buyerOrgId, x.openedByOrgId), "case"));
    }

    private record Ranked<T>(T item, Fit fit) {
        static final Comparator<Ranked<?>> BEST_FIRST = Comparator
                .<Ranked<?>, Boolean>comparing(r -> !r.fit().eligible()).thenComparing(r -> -r.fit().score());
    }
}
