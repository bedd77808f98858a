package se.utfall.matching.ranking;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The ranking's quality over a labelled set: nDCG@10 (gain 2^grade − 1) and P@5 (grade ≥ 2), averaged over the
 * needs that have any graded profile, with one line per need. Runs the service's own {@link Ranker}.
 */
public final class Evaluate {
    /** The figures of one evaluation. */
    /**
     * The means over the judged needs; {@code p5Ceiling} is the best P@5 any ranking could score on the set (a
     * need with two profiles graded 2 or more allows at most 0.4).
     */
    public record Result(double ndcg10, double p5, double p5Ceiling, List<String> lines) {
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
        String explain = System.getProperty("explain");
        if (explain != null) {
            explain(set, Concepts.standard(), explain);
        }
        r.lines().forEach(System.out::println);
        PlainBm25 plain = new PlainBm25(set.innovators());
        Result reference = run(set, need -> plain.rank(need, 10), need -> "");
        System.out.printf(Locale.ROOT, "reference (plain BM25, no glossary, sectors or locality): nDCG@10=%.3f"
                + " P@5=%.3f%n", reference.ndcg10(), reference.p5());
        System.out.printf(Locale.ROOT, "needs=%d profiles=%d nDCG@10=%.3f P@5=%.3f (at best %.3f on this set)%n",
                set.needs().size(), set.innovators().size(), r.ndcg10(), r.p5(), r.p5Ceiling());
    }

    /** The service's ranking over the set; each line says whether the need was taken as done on site. */
    public static Result run(LabelledSet set, Concepts concepts) {
        Ranker ranker = new Ranker(concepts, set.innovators());
        // Each need ranked once: the note reads the same ranking the scores do.
        Map<String, List<Ranker.Match>> ranked = new HashMap<>();
        Function<Need, List<Ranker.Match>> top = need -> ranked.computeIfAbsent(need.key(), k -> ranker.rank(need, 10));
        return run(set, need -> top.apply(need).stream().map(Ranker.Match::profile).toList(), need -> {
            List<Ranker.Match> matches = top.apply(need);
            return matches.isEmpty() ? "?" : matches.get(0).placeBound() ? "on-site" : "anywhere";
        });
    }

    static Result run(LabelledSet set, Function<Need, List<Profile>> ranking, Function<Need, String> note) {
        List<String> lines = new ArrayList<>();
        double ndcgSum = 0;
        double p5Sum = 0;
        double p5Best = 0;
        int judged = 0;
        for (Need need : set.needs()) {
            Map<String, Integer> grades = set.grades(need.key());
            if (grades.isEmpty()) {
                continue;
            }
            judged++;
            List<Profile> top = ranking.apply(need);
            double dcg = 0;
            int good = 0;
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < top.size(); i++) {
                int g = grades.getOrDefault(top.get(i).key(), 0);
                dcg += (Math.pow(2, g) - 1) / log2(i + 2);
                if (i < 5 && g >= 2) {
                    good++;
                }
                if (i < 5) {
                    shown.append(' ').append(top.get(i).key()).append('(').append(g).append(')');
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
            p5Best += Math.min(5, grades.values().stream().filter(g -> g >= 2).count()) / 5.0;
            String where = note.apply(need);
            lines.add(String.format(Locale.ROOT, "%-5s nDCG@10=%.3f P@5=%.2f %-8s top5:%s  %s", need.key(), ndcg,
                    good / 5.0, where, shown, need.title()));
        }
        return judged == 0 ? new Result(0, 0, 0, lines)
                : new Result(ndcgSum / judged, p5Sum / judged, p5Best / judged, lines);
    }

    /** For tuning by hand: a need's top 15 with the parts of each score, and where its graded profiles are. */
    static void explain(LabelledSet set, Concepts concepts, String needKey) {
        Ranker ranker = new Ranker(concepts, set.innovators());
        Map<String, Integer> grades = set.grades(needKey);
        for (Need need : set.needs()) {
            if (!need.key().equals(needKey)) {
                continue;
            }
            List<Ranker.Match> all = ranker.rank(need, 300);
            for (int i = 0; i < all.size(); i++) {
                Ranker.Match m = all.get(i);
                Integer g = grades.get(m.profile().key());
                if (i < 15 || g != null) {
                    System.out.printf(Locale.ROOT, "%3d %-5s grade=%s score=%.3f text=%.2f sectors=%.2f locality=%.2f"
                            + " %s %s%n", i + 1, m.profile().key(), g == null ? "-" : g, m.score(), m.text(),
                            m.sectors(), m.locality(), m.profile().regionsServed(), m.profile().name());
                }
            }
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
