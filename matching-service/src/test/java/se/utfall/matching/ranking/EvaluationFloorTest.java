package se.utfall.matching.ranking;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking's quality over the labelled sets kept in the repository, measured by the same code as
 * {@code evaluate.sh}. The floors sit just under the figures reported in the README: a change to the ranker or
 * the glossary that makes matching worse on any set breaks the build; one that makes it better should raise them.
 * The tuning set is the one the ranker was tuned on; the held-out set was consulted while tuning (to reject
 * changes that only helped the tuning set); the final check was read once, after tuning.
 */
class EvaluationFloorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "labelled-set, 30, 120, 0.76, 0.37",
        "held-out,     14,  60, 0.74, 0.39",
        "final-check,  16,  70, 0.71, 0.39"})
    void theRankingKeepsItsMeasuredQuality(String name, int needs, int profiles, double ndcgFloor, double p5Floor)
            throws Exception {
        LabelledSet set;
        try (InputStream in = getClass().getResourceAsStream("/evaluation/" + name + ".json")) {
            set = LabelledSet.read(in);
        }
        assertThat(set.needs()).hasSizeGreaterThanOrEqualTo(needs);
        assertThat(set.innovators()).hasSizeGreaterThanOrEqualTo(profiles);
        Evaluate.Result r = Evaluate.run(set, Concepts.standard());
        r.lines().forEach(System.out::println);
        System.out.printf("%s: nDCG@10=%.3f P@5=%.3f%n", name, r.ndcg10(), r.p5());
        assertThat(r.ndcg10()).as("nDCG@10").isGreaterThanOrEqualTo(ndcgFloor);
        assertThat(r.p5()).as("P@5").isGreaterThanOrEqualTo(p5Floor);
    }
}
