package se.utfall.rfi.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationArithmeticTest {
    private static final UUID RFI = UUID.randomUUID();
    private static final UUID RESPONSE = UUID.randomUUID();
    private static final Criterion EFFECT = new Criterion(UUID.randomUUID(), "Effekt", null, 70);
    private static final Criterion COST = new Criterion(UUID.randomUUID(), "Kostnad", null, 30);

    private static Score score(String evaluator, Criterion c, int value) {
        return Score.of(RFI, RESPONSE, evaluator, null, c.id(), value, null, Instant.EPOCH);
    }

    @Test
    void theWeightedTotalIsTheMeanOfTheEvaluatorsWhoScoredEveryCriterion() {
        Evaluation.Result r = Evaluation.of(List.of(EFFECT, COST), List.of(
                score("a", EFFECT, 5), score("a", COST, 0),
                score("b", EFFECT, 3), score("b", COST, 5),
                score("c", EFFECT, 0)));
        // a: (70×5 + 30×0) / 5 = 70; b: (70×3 + 30×5) / 5 = 72; c has not scored the cost: not counted.
        assertThat(r.evaluators()).extracting(Evaluation.EvaluatorTotal::total)
                .containsExactly(new BigDecimal("70.00"), new BigDecimal("72.00"), new BigDecimal("0.00"));
        assertThat(r.evaluators()).extracting(Evaluation.EvaluatorTotal::complete).containsExactly(true, true, false);
        assertThat(r.weightedTotal()).isEqualByComparingTo("71");
        assertThat(r.criterionMeans().get(EFFECT.id())).isEqualByComparingTo("2.67");
        assertThat(r.criterionMeans().get(COST.id())).isEqualByComparingTo("2.5");
    }

    @Test
    void fullMarksFromEveryoneIsOneHundredAndNoScoresIsNoTotal() {
        assertThat(Evaluation.of(List.of(EFFECT, COST), List.of(score("a", EFFECT, 5), score("a", COST, 5)))
                .weightedTotal()).isEqualByComparingTo("100");
        Evaluation.Result none = Evaluation.of(List.of(EFFECT, COST), List.of());
        assertThat(none.weightedTotal()).isNull();
        assertThat(none.criterionMeans().get(EFFECT.id())).isNull();
    }
}
