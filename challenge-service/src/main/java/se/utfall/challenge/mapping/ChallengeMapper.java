package se.utfall.challenge.mapping;

import se.utfall.money.Money;
import se.utfall.challenge.api.ChallengeRequest;
import se.utfall.challenge.api.ChallengeSummary;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.api.ContributionView;
import se.utfall.challenge.api.CostBaseline;
import se.utfall.challenge.api.NeedInsightInput;
import se.utfall.challenge.api.OutcomeGoalInput;
import se.utfall.challenge.api.PhaseInput;
import se.utfall.challenge.api.RegistrationView;
import se.utfall.challenge.api.WorkshopRequest;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeAggregate;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.InsightVisibility;
import se.utfall.challenge.domain.NeedInsight;
import se.utfall.challenge.domain.OutcomeGoal;
import se.utfall.challenge.domain.PhaseDates;
import se.utfall.challenge.domain.Workshop;
import se.utfall.challenge.domain.WorkshopContribution;
import se.utfall.challenge.domain.WorkshopRegistration;
import se.utfall.challenge.messaging.ChallengeEventData;
import se.utfall.challenge.messaging.WorkshopEventData;
import se.utfall.challenge.messaging.WorkshopRegisteredData;
import se.utfall.challenge.reference.Municipalities;
import se.utfall.web.http.ETags;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.UUID;
import java.util.Map;
import java.util.HashMap;

/** Entities ↔ API models. Request models carry no id, owner or status, so applying one cannot set them. */
public final class ChallengeMapper {
    private ChallengeMapper() {
    }

    public static void apply(ChallengeRequest r, Challenge c) {
        c.title = r.title().strip();
        c.summary = r.summary();
        c.problemStatement = r.problemStatement();
        c.targetGroup = r.targetGroup();
        c.locality = r.locality();
        c.municipalityCode = r.municipalityCode();
        c.sectors = distinct(r.sectors());
        c.cpvCodes = distinct(r.cpvCodes());
        c.sdgTargets = distinct(r.sdgTargets());
        c.coBuyerOrgIds = lower(r.coBuyerOrgIds());
        c.observerOrgIds = lower(r.observerOrgIds());
        Money budget = r.budget();
        c.budgetAmount = budget == null ? null : budget.amount();
        c.budgetCurrency = budget == null ? null : budget.currency().getCurrencyCode();
        CostBaseline b = r.baseline();
        c.baselineDescription = b == null ? null : b.description();
        c.baselineUnitCost = b == null ? null : b.unitCost().amount();
        c.baselineCurrency = b == null ? null : b.unitCost().currency().getCurrencyCode();
        c.baselineUnit = b == null ? null : b.unit();
        c.baselinePeriod = b == null ? null : b.period();
        c.baselineVolume = b == null ? null : b.volumePerPeriod();
    }

    /** What to write after {@link #syncChildren}: rows to store and rows to delete. */
    public record ChildChanges(List<Object> toPersist, List<Object> toRemove) {
    }

    /**
     * Brings goals and insights in line with the request in memory (known ids keep their rows, new ones get new
     * rows, missing ones go) and answers what to write. The process trail is planned on the aggregate.
     */
    public static ChildChanges syncChildren(ChallengeAggregate aggregate, ChallengeRequest request) {
        UUID challengeId = aggregate.challenge().id;
        List<Object> toPersist = new ArrayList<>();
        List<Object> toRemove = new ArrayList<>();
        sync(aggregate.goals(), request.outcomeGoals(), g -> g.id, OutcomeGoalInput::id, () -> {
            OutcomeGoal g = new OutcomeGoal();
            g.id = UUID.randomUUID();
            g.challengeId = challengeId;
            toPersist.add(g);
            return g;
        }, (in, g, i) -> {
            apply(in, g);
            g.position = i;
        }, toRemove);
        sync(aggregate.insights(), request.needInsights(), n -> n.id, NeedInsightInput::id, () -> {
            NeedInsight n = new NeedInsight();
            n.id = UUID.randomUUID();
            n.challengeId = challengeId;
            toPersist.add(n);
            return n;
        }, (in, n, i) -> {
            apply(in, n);
            n.position = i;
        }, toRemove);
        return new ChildChanges(toPersist, toRemove);
    }

    public static void apply(OutcomeGoalInput in, OutcomeGoal g) {
        g.indicator = in.indicator();
        g.definition = in.definition();
        g.unit = in.unit();
        g.baselineValue = in.baselineValue();
        g.baselineDate = in.baselineDate();
        g.baselineSource = in.baselineSource();
        g.targetValue = in.targetValue();
        g.targetDate = in.targetDate();
        g.measurementMethod = in.measurementMethod();
        g.dataSource = in.dataSource();
        g.frequency = in.frequency();
        g.verifier = in.verifier();
    }

    public static void apply(NeedInsightInput in, NeedInsight i) {
        i.visibility = InsightVisibility.resolve(in.visibility(), i.visibility,
                i.source, in.source());
        i.source = in.source();
        i.text = in.text();
        i.observedOn = in.observedOn();
    }

    public static List<PhaseDates> toDates(List<PhaseInput> phases) {
        return phases.stream().map(in -> new PhaseDates(in.phase(), in.plannedStart(), in.plannedEnd(),
                in.actualStart(), in.actualEnd())).toList();
    }

    public static void apply(WorkshopRequest r, Workshop w) {
        w.title = r.title().strip();
        w.description = r.description();
        w.startsAt = r.startsAt();
        w.endsAt = r.endsAt();
        w.location = r.location();
        w.onlineUrl = r.onlineUrl();
        w.capacity = r.capacity();
    }

    /** The full view, for the buying organisations (and audit diffs). */
    public static ChallengeView toView(ChallengeAggregate a) {
        return toView(a, true);
    }

    /** What anyone else may see, and what events carry: internal need insights left out. */
    public static ChallengeView toPublicView(ChallengeAggregate a) {
        return toView(a, false);
    }

    /** The public part of a full view: internal need insights left out. */
    public static ChallengeView publicOf(ChallengeView v) {
        return new ChallengeView(v.id(), v.ownerOrgId(), v.ownerOrgName(), v.coBuyerOrgIds(), v.observerOrgIds(),
                v.title(),
                v.summary(), v.problemStatement(), v.targetGroup(), v.locality(), v.municipalityCode(),
                v.municipalityName(), v.sectors(), v.cpvCodes(), v.sdgTargets(), v.budget(), v.baseline(),
                v.outcomeGoals(), v.needInsights().stream()
                        .filter(i -> i.visibility() == InsightVisibility.PUBLIC).toList(),
                v.processTrail(), v.status(), v.version(), v.createdAt(), v.updatedAt(), v.publishedAt(),
                v.closedAt(), v.archivedAt());
    }

    public static ChallengeView toView(ChallengeAggregate a, boolean insider) {
        Challenge c = a.challenge();
        return new ChallengeView(c.id, c.ownerOrgId, c.ownerOrgName, List.copyOf(c.coBuyerOrgIds),
                List.copyOf(c.observerOrgIds),
                c.title, c.summary, c.problemStatement, c.targetGroup, c.locality, c.municipalityCode,
                Municipalities.name(c.municipalityCode).orElse(null), List.copyOf(c.sectors),
                List.copyOf(c.cpvCodes), List.copyOf(c.sdgTargets), Money.ofNullable(c.budgetAmount, c.budgetCurrency),
                baseline(c),
                a.goals().stream().sorted(Comparator.comparingInt(g -> g.position)).map(ChallengeMapper::toView)
                        .toList(),
                a.insights().stream().sorted(Comparator.comparingInt(i -> i.position))
                        .filter(i -> insider || i.visibility == InsightVisibility.PUBLIC)
                        .map(i -> new ChallengeView.Insight(i.id, i.source, i.text, i.observedOn, i.visibility))
                        .toList(),
                a.phases().stream().sorted(Comparator.comparingInt(p -> p.position))
                        .map(p -> new ChallengeView.PhaseView(p.key.phase, p.plannedStart, p.plannedEnd,
                                p.actualStart, p.actualEnd))
                        .toList(),
                c.status, c.version, c.createdAt, c.updatedAt, c.publishedAt, c.closedAt, c.archivedAt);
    }

    public static ChallengeSummary toSummary(Challenge c) {
        return new ChallengeSummary(c.id, c.ownerOrgId, c.ownerOrgName, c.title, c.summary, c.locality,
                c.municipalityCode,
                Municipalities.name(c.municipalityCode).orElse(null), List.copyOf(c.sectors), c.status,
                Money.ofNullable(c.budgetAmount, c.budgetCurrency), c.version, c.publishedAt, c.updatedAt);
    }

    /**
     * A workshop of a challenge in {@code status}, as of {@code now}, for a reader who may ({@code withLink}) or
     * may not see the meeting link; {@code registered} says whether the reader's organisation is (null: anonymous).
     */
    public static WorkshopView toView(Workshop w, Challenge challenge, Instant now, boolean withLink,
            Boolean registered) {
        ChallengeStatus status = challenge.status;
        return new WorkshopView(w.id, w.challengeId, w.title, w.description, w.startsAt, w.endsAt, w.location,
                withLink ? w.onlineUrl : null, w.capacity, w.registeredCount, w.seatsLeft(status, now),
                w.registrationOpen(status, now), registered, w.cancelledAt, w.cancellationReason, w.version,
                ETags.of(w.tag(challenge.version, now)));
    }

    public static WorkshopEventData toEventData(Workshop w) {
        return new WorkshopEventData(w.id, w.challengeId, w.title, w.description, w.startsAt, w.endsAt, w.location,
                w.capacity, w.registeredCount, w.seatsNotTaken(), w.version, w.cancelledAt, w.cancellationReason);
    }

    /** What a challenge event carries: the public content, the same whoever caused the event. */
    public static ChallengeEventData toEventData(ChallengeAggregate a) {
        ChallengeView v = toPublicView(a);
        ChallengeView.Baseline b = v.baseline();
        return new ChallengeEventData(v.id(), v.ownerOrgId(), v.ownerOrgName(), v.coBuyerOrgIds(), v.observerOrgIds(),
                v.title(),
                v.summary(), v.problemStatement(), v.targetGroup(), v.locality(), v.municipalityCode(),
                v.municipalityName(), v.sectors(), v.cpvCodes(), v.sdgTargets(), v.budget(),
                b == null ? null : new ChallengeEventData.Baseline(b.description(), b.unitCost(), b.unit(),
                        b.period(), b.volumePerPeriod(), b.costPerPeriod()),
                v.outcomeGoals().stream().map(g -> new ChallengeEventData.Goal(g.id(), g.indicator(), g.definition(),
                        g.unit(), g.baselineValue(), g.baselineDate(), g.baselineSource(), g.targetValue(),
                        g.targetDate(), g.measurementMethod(), g.dataSource(), g.frequency(), g.verifier())).toList(),
                v.needInsights().stream().map(i -> new ChallengeEventData.Insight(i.id(), i.source(), i.text(),
                        i.observedOn(), i.visibility())).toList(),
                v.processTrail().stream().map(p -> new ChallengeEventData.PhaseDates(p.phase(), p.plannedStart(),
                        p.plannedEnd(), p.actualStart(), p.actualEnd())).toList(),
                v.status(), v.version(), v.createdAt(), v.updatedAt(), v.publishedAt(), v.closedAt(), v.archivedAt());
    }


    public static WorkshopRegisteredData toEventData(Workshop w, WorkshopRegistration r) {
        return new WorkshopRegisteredData(toEventData(w), new WorkshopRegisteredData.Registration(r.id, r.workshopId,
                r.organisationId, r.organisationName, r.participants, r.registeredAt));
    }

    public static RegistrationView toView(WorkshopRegistration r) {
        return new RegistrationView(r.id, r.workshopId, r.organisationId, r.organisationName, r.participants,
                r.registeredAt);
    }

    public static ContributionView toView(WorkshopContribution c) {
        return new ContributionView(c.id, c.workshopId, c.organisationId, c.author, c.text, c.recordedAt);
    }

    private static ChallengeView.Goal toView(OutcomeGoal g) {
        return new ChallengeView.Goal(g.id, g.indicator, g.definition, g.unit, plain(g.baselineValue),
                g.baselineDate, g.baselineSource, plain(g.targetValue), g.targetDate, g.measurementMethod,
                g.dataSource, g.frequency,
                g.verifier);
    }

    private static ChallengeView.Baseline baseline(Challenge c) {
        if (c.baselineDescription == null && c.baselineUnitCost == null) {
            return null;
        }
        Money unitCost = Money.ofNullable(c.baselineUnitCost, c.baselineCurrency);
        // Written rows fit (ChallengeAggregate refuses a larger product); one from before that rule shows no total.
        Money perPeriod = unitCost == null || c.baselineVolume == null || !unitCost.timesFits(c.baselineVolume)
                ? null : unitCost.times(c.baselineVolume);
        return new ChallengeView.Baseline(c.baselineDescription, unitCost, c.baselineUnit, c.baselinePeriod,
                plain(c.baselineVolume), perPeriod);
    }

    /**
     * A measurement as the buyer wrote it, whatever scale the column has: 35, 35.0000 and 35.00 all read 35,
     * so the API and the events agree to the digit.
     */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? new ArrayList<>()
                : new ArrayList<>(values.stream().map(String::strip).distinct().toList());
    }

    private static List<String> lower(List<String> values) {
        return values == null ? new ArrayList<>()
                : new ArrayList<>(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).distinct().toList());
    }

    private interface Apply<I, E> {
        void apply(I input, E entity, int position);
    }

    private static <I, E> void sync(List<E> current, List<I> wanted, Function<E, UUID> entityId,
            Function<I, UUID> inputId, Supplier<E> create, Apply<I, E> apply, List<Object> toRemove) {
        List<I> inputs = wanted == null ? List.of() : wanted;
        Map<UUID, E> byId = new HashMap<>();
        current.forEach(e -> byId.put(entityId.apply(e), e));
        List<E> result = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            I in = inputs.get(i);
            E entity = in != null && inputId.apply(in) != null ? byId.remove(inputId.apply(in)) : null;
            if (entity == null) {
                entity = create.get();
            }
            apply.apply(in, entity, i);
            result.add(entity);
        }
        toRemove.addAll(byId.values());
        current.clear();
        current.addAll(result);
    }
}
