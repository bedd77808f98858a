package se.utfall.matching.ranking;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ranking's quality over a labelled set: nDCG@10 (gain 2^grade − 1) and P@5 (grade ≥ 2), averaged over the
 * needs that have any graded profile, with one line per need. Runs the service's own {@link Ranker}.
 */
public final class Evaluate {
    /** The figures of one evaluation. */
    public record Result(double ndcg10, double p5, List<String> lines) {
    }

    private Evaluate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: evaluate FILE (a labelled set: needs, innovators, relevance)");
            System.exit(2);
        }
        LabelledSet set;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            set = LabelledSet.read(in);
        }
        Result r = run(set, Concepts.standard());
        r.lines().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "needs=%d profiles=%d nDCG@10=%.3f P@5=%.3f%n", set.needs().size(),
                set.innovators().size(), r.ndcg10(), r.p5());
    }

    public static Result run(LabelledSet set, Concepts concepts) {
        Ranker ranker = new Ranker(concepts, set.innovators());
        List<String> lines = new ArrayList<>();
        double ndcgSum = 0;
        double p5Sum = 0;
        int judged = 0;
        for (Need need : set.needs()) {
            Map<String, Integer> grades = set.grades(need.key());
            if (grades.isEmpty()) {
                continue;
            }
            judged++;
            List<Ranker.Match> top = ranker.rank(need, 10);
            double dcg = 0;
            int good = 0;
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < top.size(); i++) {
                int g = grades.getOrDefault(top.get(i).profile().key(), 0);
                dcg += (Math.pow(2, g) - 1) / log2(i + 2);
                if (i < 5 && g >= 2) {
                    good++;
                }
                if (i < 5) {
                    shown.append(' ').append(top.get(i).profile().key()).append('(').append(g).append(')');
                }
            }
            List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
            double idcg = 0;
            for (int i = 0; i < Math.min(10, ideal.size()); i++) {
                idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
            }
            double ndcg = idcg == 0 ? 0 : dcg / idcg;
            ndcgSum += ndcg;
            p5Sum += good / 5.0;
            lines.add(String.format(Locale.ROOT, "%-5s nDCG@10=%.3f P@5=%.2f top5:%s  %s", need.key(), ndcg,
                    good / 5.0, shown, need.title()));
        }
        return new Result(judged == 0 ? 0 : ndcgSum / judged, judged == 0 ? 0 : p5Sum / judged, lines);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
