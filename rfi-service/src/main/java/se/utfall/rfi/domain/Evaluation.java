package se.utfall.rfi.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The arithmetic of an evaluation. An evaluator's total for a response is Σ weight × score / {@link Score#MAX}
 * over the criteria (0–100, the weights add up to 100), counted only when that evaluator scored every criterion;
 * the response's weighted total is the mean of those totals. Per criterion, the mean over the evaluators who
 * scored it. Totals are rounded to two decimals, half up.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** One evaluator's total; {@code complete} says whether it counts. */
    public record EvaluatorTotal(String evaluator, BigDecimal total, boolean complete) {
    }

    public record Result(Map<UUID, BigDecimal> criterionMeans, List<EvaluatorTotal> evaluators,
            BigDecimal weightedTotal) {
    }

    /** One evaluator's score on one criterion: an RFI's {@link Score} or a phase's {@link PhaseScore}. */
    public record Mark(String evaluator, UUID criterionId, int score) {
    }

    public static Result of(List<Criterion> criteria, List<Score> scores) {
        return ofMarks(criteria, scores.stream().map(Score::mark).toList());
    }

    public static Result ofMarks(List<Criterion> criteria, List<Mark> scores) {
        Map<UUID, BigDecimal> means = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            List<Mark> on = scores.stream().filter(s -> s.criterionId().equals(c.id())).toList();
            means.put(c.id(), on.isEmpty() ? null : mean(on.stream().map(s -> BigDecimal.valueOf(s.score())).toList()));
        }
        Map<String, List<Mark>> byEvaluator = scores.stream()
                .collect(Collectors.groupingBy(Mark::evaluator, LinkedHashMap::new, Collectors.toList()));
        List<EvaluatorTotal> totals = new ArrayList<>();
        byEvaluator.forEach((evaluator, own) -> {
            BigDecimal sum = BigDecimal.ZERO;
            boolean complete = true;
            for (Criterion c : criteria) {
                Mark s = own.stream().filter(x -> x.criterionId().equals(c.id())).findFirst().orElse(null);
                if (s == null) {
                    complete = false;
                } else {
                    sum = sum.add(BigDecimal.valueOf((long) c.weight() * s.score()));
                }
            }
            totals.add(new EvaluatorTotal(evaluator,
                    sum.divide(BigDecimal.valueOf(Score.MAX), 2, RoundingMode.HALF_UP), complete));
        });
        List<BigDecimal> counted = totals.stream().filter(EvaluatorTotal::complete).map(EvaluatorTotal::total)
                .toList();
        return new Result(means, totals, counted.isEmpty() ? null : mean(counted));
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
