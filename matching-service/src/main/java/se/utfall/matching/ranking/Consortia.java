package se.utfall.matching.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Consortium suggestions for a place-bound need: small sets (two or three) of complementary providers who can be
 * where the need is and who, together, name more of what the need asks for than any of them alone. What a need
 * asks for is the glossary concepts of its text (a hot meal, cooking, delivery, the elderly, the village); each
 * member must bring at least one activity of them (cooking, delivery...) that the others lack, so a set is never
 * two of the same kind.
 */
public final class Consortia {
    /** How many of the best-ranked local providers are combined (pairs and triples of them). */
    static final int POOL = 15;
    /** Below this locality a provider cannot be part of a local consortium (1 = serves the municipality). */
    static final double LOCAL = 0.6;

    private final Concepts concepts;

    /** One member: the ranked match and the concepts of the need it brings that no earlier member brings. */
    public record Member(Ranker.Match match, List<String> brings) {
    }

    /** A suggestion: its members in order, the need's concepts covered together and those still missing. */
    public record Suggestion(List<Member> members, List<String> covered, List<String> missing, double score) {
    }

    public Consortia(Concepts concepts) {
        this.concepts = concepts;
    }

    /**
     * Up to {@code limit} suggestions, best first; none when the need is not place-bound or no two local
     * providers complement each other.
     */
    public List<Suggestion> suggest(Need need, List<Ranker.Match> ranked, int limit) {
        if (ranked.isEmpty() || !ranked.get(0).placeBound()) {
            return List.of();
        }
        Set<String> asks = asks(need);
        if (asks.isEmpty()) {
            return List.of();
        }
        List<Ranker.Match> pool = ranked.stream().filter(m -> m.locality() >= LOCAL).limit(POOL).toList();
        List<Set<String>> brings = pool.stream().map(m -> covers(m.profile(), asks)).toList();
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                add(out, asks, pool, brings, new int[] {i, j});
                for (int k = j + 1; k < pool.size(); k++) {
                    add(out, asks, pool, brings, new int[] {i, j, k});
                }
            }
        }
        out.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        // A member appears in at most two suggestions, so the list offers alternatives, not one pair in variants.
        List<Suggestion> chosen = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (Suggestion s : out) {
            if (chosen.size() == limit) {
                break;
            }
            if (s.members().stream().anyMatch(m -> uses.getOrDefault(m.match().profile().key(), 0) >= 2)) {
                continue;
            }
            chosen.add(s);
            s.members().forEach(m -> uses.merge(m.match().profile().key(), 1, Integer::sum));
        }
        return chosen;
    }

    /** The concepts a need asks for, place-bound activities first. */
    public Set<String> asks(Need need) {
        String text = need.title() + ". " + Objects.toString(need.problemStatement(), "") + ". "
                + Objects.toString(need.targetGroup(), "");
        Set<String> groups = concepts.groups(text, need.language());
        Set<String> ordered = new LinkedHashSet<>();
        groups.stream().filter(concepts::isPlaceBound).forEach(ordered::add);
        ordered.addAll(groups);
        return ordered;
    }

    private Set<String> covers(Profile p, Set<String> asks) {
        Set<String> has = concepts.groups(p.name() + ". " + p.description() + ". "
                + String.join(". ", p.capabilities()), p.language());
        Set<String> out = new LinkedHashSet<>();
        for (String a : asks) {
            if (has.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private void add(List<Suggestion> out, Set<String> asks, List<Ranker.Match> pool, List<Set<String>> brings,
            int[] idx) {
        // Every member must bring an activity of the need (cooking, delivery, transport...) that the others do
        // not: sharing the target group or the village is no contribution, and a smaller set would do the same.
        for (int m : idx) {
            Set<String> rest = new LinkedHashSet<>();
            for (int o : idx) {
                if (o != m) {
                    rest.addAll(brings.get(o));
                }
            }
            if (brings.get(m).stream().noneMatch(c -> concepts.isPlaceBound(c) && !rest.contains(c))) {
                return;
            }
        }
        Set<String> covered = new LinkedHashSet<>();
        List<Member> members = new ArrayList<>();
        double weight = 0;
        double quality = 0;
        double local = 0;
        for (int m : idx) {
            List<String> news = new ArrayList<>();
            for (String c : brings.get(m)) {
                if (covered.add(c)) {
                    news.add(c);
                }
            }
            members.add(new Member(pool.get(m), news));
            quality += pool.get(m).score();
            local += pool.get(m).locality();
        }
        for (String c : asks) {
            if (covered.contains(c)) {
                weight += concepts.isPlaceBound(c) ? 2 : 1;
            }
        }
        double total = asks.stream().mapToDouble(c -> concepts.isPlaceBound(c) ? 2 : 1).sum();
        // What is still missing is an activity someone has to do on site; a quality the need asks for ("local",
        // "locally produced") is not a task a further member could take on.
        List<String> missing = asks.stream().filter(c -> !covered.contains(c) && concepts.isPlaceBound(c)).toList();
        // Coverage decides; then how good and how local the members are; a third member must earn its place.
        double score = weight / total * 0.6 + quality / idx.length * 0.25 + local / idx.length * 0.15
                - (idx.length - 2) * 0.05;
        out.add(new Suggestion(members, List.copyOf(covered), missing, score));
    }
}
