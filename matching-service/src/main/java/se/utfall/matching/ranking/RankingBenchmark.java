package se.utfall.matching.ranking;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How the ranking scales (a benchmark, not a test): builds the service's {@link Ranker} over N generated profiles
 * and ranks the labelled set's needs against it, reporting the build time, the heap the index holds, and the
 * median and p95 time to rank one need, and the median and p95 time to take in one edited profile. Profiles are
 * recombined from the labelled set's (names, descriptions, capabilities, sectors of different profiles, served
 * places drawn from all 290 kommunkoder or SE), with a fixed seed, so runs compare.
 *
 * <pre>./mvnw -q -pl matching-service exec:java -Dexec.mainClass=se.utfall.matching.ranking.RankingBenchmark \
 *     -Dexec.args="10000 100000"</pre>
 */
public final class RankingBenchmark {
    private static final int ROUNDS = 20;
    /** How many single-profile edits are timed. */
    private static final int CHANGES = 200;

    private RankingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LabelledSet set;
        Path file = Path.of(System.getProperty("utfall.labelled-set",
                "matching-service/src/test/resources/evaluation/labelled-set.json"));
        try (InputStream in = Files.newInputStream(file)) {
            set = LabelledSet.read(in);
        }
        Concepts concepts = Concepts.standard();
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "%-9s %9s %10s %9s %9s %9s %14s%n", "profiles", "build s", "heap MB",
                "p50 ms", "p95 ms", "max ms", "change p50/p95");
        for (int n : sizes) {
            List<Profile> profiles = generate(set.innovators(), n, new Random(42));
            long before = usedHeap();
            long start = System.nanoTime();
            Ranker ranker = new Ranker(concepts, profiles);
            double build = (System.nanoTime() - start) / 1e9;
            long heap = usedHeap() - before;
            // Warm up, then measure every need of the set, ROUNDS times.
            for (Need need : set.needs()) {
                ranker.rank(need, 10);
            }
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (Need need : set.needs()) {
                    long t = System.nanoTime();
                    ranker.rank(need, 10);
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
            times.sort(Double::compare);
            // One profile edited at a time, as the service takes a write: replaced in the index, visible to the
            // next ranking.
            List<Double> changes = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                Profile p = profiles.get((int) ((i * 7919L) % n));
                Profile edited = new Profile(p.key(), p.name(), p.type(), p.description() + " Nytt " + i + ".",
                        p.capabilities(), p.sectors(), p.regionsServed(), p.language());
                long t = System.nanoTime();
                ranker.apply(List.of(edited), List.of());
                changes.add((System.nanoTime() - t) / 1e6);
            }
            changes.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%-9d %9.1f %10.0f %9.1f %9.1f %9.1f %6.1f/%.1f ms%n", n, build,
                    heap / 1e6, times.get(times.size() / 2), times.get((int) (times.size() * 0.95)),
                    times.get(times.size() - 1), changes.get(CHANGES / 2), changes.get((int) (CHANGES * 0.95)));
            if (ranker.size() != n) {
                throw new IllegalStateException("ranker holds " + ranker.size());
            }
        }
    }

    static List<Profile> generate(List<Profile> seeds, int n, Random random) {
        List<String> places = new ArrayList<>();
        for (Profile p : seeds) {
            places.addAll(p.regionsServed());
        }
        List<Profile> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Profile a = seeds.get(random.nextInt(seeds.size()));
            Profile b = seeds.get(random.nextInt(seeds.size()));
            List<String> regions = random.nextInt(10) == 0 ? List.of("SE")
                    : List.of(String.format(Locale.ROOT, "%04d", 100 + random.nextInt(2500)),
                            places.get(random.nextInt(places.size())));
            List<String> capabilities = new ArrayList<>(a.capabilities());
            capabilities.addAll(b.capabilities().subList(0, Math.min(2, b.capabilities().size())));
            out.add(new Profile("G" + i, a.name() + " " + i, a.type(), a.description() + " "
                    + b.description().substring(0, b.description().length() / 2), capabilities, b.sectors(), regions,
                    a.language()));
        }
        return out;
    }

    private static long usedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
