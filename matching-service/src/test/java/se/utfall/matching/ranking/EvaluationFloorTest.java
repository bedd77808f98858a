package se.utfall.matching.ranking;

import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking's quality over the labelled set kept in the repository, measured by the same code as
 * {@code evaluate.sh}. The floors sit just under the figures reported in the README: a change to the ranker or
 * the glossary that makes matching worse breaks the build; one that makes it better should raise them.
 */
class EvaluationFloorTest {
    static final double NDCG_FLOOR = 0.75;
    static final double P5_FLOOR = 0.37;

    @Test
    void theRankingKeepsItsMeasuredQuality() throws Exception {
        LabelledSet set;
        try (InputStream in = getClass().getResourceAsStream("/evaluation/labelled-set.json")) {
            set = LabelledSet.read(in);
        }
        assertThat(set.needs()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(set.innovators()).hasSizeGreaterThanOrEqualTo(120);
        Evaluate.Result r = Evaluate.run(set, Concepts.standard());
        r.lines().forEach(System.out::println);
        System.out.printf("nDCG@10=%.3f P@5=%.3f%n", r.ndcg10(), r.p5());
        assertThat(r.ndcg10()).as("nDCG@10").isGreaterThanOrEqualTo(NDCG_FLOOR);
        assertThat(r.p5()).as("P@5").isGreaterThanOrEqualTo(P5_FLOOR);
    }
}
