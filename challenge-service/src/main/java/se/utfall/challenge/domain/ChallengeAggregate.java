package se.utfall.challenge.domain;

import se.utfall.money.Money;
import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A challenge with the rows that belong to it (goals, need insights, the process trail), loaded and changed
 * together; the rules that span them live here. Use cases load an aggregate, apply a rule, persist, audit and
 * announce — they never decide a rule themselves.
 */
public record ChallengeAggregate(Challenge challenge, List<OutcomeGoal> goals, List<NeedInsight> insights,
        List<ProcessPhase> phases) {
    /** Dates of the process trail are days in Sweden. */
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /** A new draft: every phase of the trail in order, need definition started today. */
    public static ChallengeAggregate newDraft(Challenge challenge, Instant now) {
        challenge.status = ChallengeStatus.DRAFT;
        challenge.createdAt = now;
        challenge.updatedAt = now;
        List<ProcessPhase> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            ProcessPhase p = new ProcessPhase();
            p.key = new ProcessPhase.Key(challenge.id, phase);
            p.position = phase.ordinal();
            phases.add(p);
        }
        phases.get(0).actualStart = LocalDate.ofInstant(now, SWEDEN);
        return new ChallengeAggregate(challenge, new ArrayList<>(), new ArrayList<>(), phases);
    }

    /**
     * The content must not contradict itself, whatever the status: goal dates in order, values with their dates,
     * the baseline's cost in the budget's currency so the two can be compared. All problems at once (400).
     */
    public void requireConsistent() {
        RuleViolation.Problems problems = new RuleViolation.Problems();
        for (int i = 0; i < goals.size(); i++) {
            OutcomeGoal g = goals.get(i);
            if (g.baselineDate != null && g.targetDate != null && !g.targetDate.isAfter(g.baselineDate)) {
                problems.add("outcomeGoals[" + i + "].targetDate", "must be after the baseline date");
            }
            if (g.baselineValue != null && g.baselineDate == null) {
                problems.add("outcomeGoals[" + i + "].baselineDate", "is required when a baseline value is given");
            }
            if (g.targetValue != null && g.targetDate == null) {
                problems.add("outcomeGoals[" + i + "].targetDate", "is required when a target value is given");
            }
        }
        if (challenge.budgetAmount != null && challenge.baselineUnitCost != null
                && !challenge.baselineCurrency.equals(challenge.budgetCurrency)) {
            problems.add("baseline.unitCost.currency", "must be the budget's currency, so costs can be compared");
        }
        if (challenge.baselineUnitCost != null && challenge.baselineVolume != null
                && !Money.productFits(challenge.baselineUnitCost, challenge.baselineVolume)) {
            problems.add("baseline.volumePerPeriod", "with this unit cost the cost per period would be more than "
                    + Money.MAX.toPlainString());
        }
        problems.throwIfAny(RuleViolation.Kind.INVALID, "The request has invalid fields");
    }

    /** Content changes while a draft (freely) or published (as a recorded amendment), never afterwards. */
    public void requireEditable() {
        challenge.requireEditable();
    }

    /** An amendment must leave a published challenge as complete as publishing required (422). */
    public void requireStillComplete() {
        if (challenge.status == ChallengeStatus.PUBLISHED) {
            new RuleViolation.Problems().addAll(challenge.completenessProblems(goals))
                    .throwIfAny(RuleViolation.Kind.INCOMPLETE, "A published challenge must stay complete");
        }
    }

    /**
     * Plans or records dates on the process trail: each phase at most once, no end before its start (400 with
     * every problem); phases not mentioned keep their dates.
     */
    public void planTrail(List<PhaseDates> dates) {
        planTrail(dates, false);
    }

    /**
     * Records what happened on the trail, learnt rather than typed: a phase started no later than {@code started}
     * and went on at least until {@code ended} (either may be null). The earliest start and the latest end win,
     * so a replayed or late event changes nothing. Answers whether a date changed.
     */
    public boolean recordProgress(Phase phase, LocalDate started, LocalDate ended) {
        boolean changed = false;
        for (ProcessPhase p : phases) {
            if (p.key.phase != phase) {
                continue;
            }
            if (started != null && (p.actualStart == null || started.isBefore(p.actualStart))) {
                p.actualStart = started;
                changed = true;
            }
            if (ended != null && (p.actualEnd == null || ended.isAfter(p.actualEnd))
                    && (p.actualStart == null || !ended.isBefore(p.actualStart))) {
                p.actualEnd = ended;
                changed = true;
            }
        }
        return changed;
    }

    /** The process trail as a full update states it: listed phases get their dates, the others none. */
    public void replaceTrail(List<PhaseDates> dates) {
        planTrail(dates, true);
    }

    private void planTrail(List<PhaseDates> dates, boolean clearUnlisted) {
        RuleViolation.Problems problems = new RuleViolation.Problems();
        Set<Phase> seen = new HashSet<>();
        for (int i = 0; i < dates.size(); i++) {
            PhaseDates in = dates.get(i);
            if (!seen.add(in.phase())) {
                problems.add("processTrail[" + i + "].phase", in.phase() + " appears twice");
            }
            if (in.plannedStart() != null && in.plannedEnd() != null && in.plannedEnd().isBefore(in.plannedStart())) {
                problems.add("processTrail[" + i + "].plannedEnd", "must not be before plannedStart");
            }
            if (in.actualStart() != null && in.actualEnd() != null && in.actualEnd().isBefore(in.actualStart())) {
                problems.add("processTrail[" + i + "].actualEnd", "must not be before actualStart");
            }
        }
        problems.throwIfAny(RuleViolation.Kind.INVALID, "The process trail has invalid dates");
        if (clearUnlisted) {
            phases.stream().filter(p -> !seen.contains(p.key.phase)).forEach(p -> {
                p.plannedStart = null;
                p.plannedEnd = null;
                p.actualStart = null;
                p.actualEnd = null;
            });
        }
        for (PhaseDates in : dates) {
            phases.stream().filter(p -> p.key.phase == in.phase()).findFirst().ifPresent(p -> {
                p.plannedStart = in.plannedStart();
                p.plannedEnd = in.plannedEnd();
                p.actualStart = in.actualStart();
                p.actualEnd = in.actualEnd();
            });
        }
    }

    /** Publishes a complete draft; need definition ends today unless the buyer already recorded its end. */
    public void publish(Instant now) {
        challenge.publish(goals, now);
        LocalDate today = LocalDate.ofInstant(now, SWEDEN);
        phases.stream().filter(p -> p.key.phase == Phase.NEED_DEFINITION && p.actualEnd == null)
                .forEach(p -> p.actualEnd = today);
    }

    public void close(Instant now) {
        challenge.close(now);
    }

    /** Archives a closed challenge, or shelves a draft that will never be published. */
    public void archive(Instant now) {
        challenge.archive(now);
    }
}
