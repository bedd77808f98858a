package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.api.ConsortiumView;
import se.utfall.matching.api.FeedbackView;
import se.utfall.matching.api.NeedRecommendationView;
import se.utfall.matching.api.RecommendationView;
import se.utfall.matching.domain.Feedback;
import se.utfall.matching.domain.InnovatorProfile;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.ranking.Consortia;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Ranker;
import se.utfall.web.problem.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Recommendations both ways and consortium suggestions, all from this replica's {@link ProfileIndex}. */
@ApplicationScoped
public class RecommendationService {
    private final ProfileIndex index;
    private final Explanations explanations;
    private final Consortia consortia;
    private final double minScore;
    private final Clock clock;

    public RecommendationService(ProfileIndex index, Explanations explanations, MatchingConfig config, Clock clock) {
        this.index = index;
        this.clock = clock;
        this.minScore = config.minScore();
        this.explanations = explanations;
        this.consortia = new Consortia(index.concepts());
    }

    /**
     * Ranked innovators for a need, for its buyers and coordinators, with their organisation's feedback. What is
     * read from the database is read in a session; the ranking itself runs on a worker thread, after the session
     * (a cold ranking over many profiles takes milliseconds the event loop should not spend).
     */
    public Uni<List<RecommendationView>> forNeed(UUID needId, int limit, String lang, Viewer viewer) {
        return Panache.withSession(() -> Needs.forInsider(needId, viewer).chain(loaded -> feedbackOf(needId, viewer)
                .map(feedback -> Map.entry(loaded, feedback)))).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> {
            Needs.Loaded loaded = read.getKey();
            Map<UUID, FeedbackView> feedback = read.getValue();
            Need need = loaded.ranking();
            List<Ranker.Match> ranked = relevant(index.rank(need, loaded.version()));
            List<RecommendationView> out = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
                Ranker.Match m = ranked.get(i);
                out.add(view(need, m, i + 1, lang, feedback.get(UUID.fromString(m.profile().key()))));
            }
            return out;
        });
    }

    /** Up to three consortia of complementary local actors; none when the need is not done on site. */
    public Uni<List<ConsortiumView>> consortia(UUID needId, String lang, Viewer viewer) {
        return Panache.withSession(() -> Needs.forInsider(needId, viewer))
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(loaded -> {
            Need need = loaded.ranking();
            List<Ranker.Match> ranked = index.rank(need, loaded.version());
            boolean en = "en".equals(lang);
            return consortia.suggest(need, ranked, 3).stream().map(s -> {
                List<ConsortiumView.Member> members = s.members().stream().map(m -> {
                    List<String> brings = m.brings().stream().map(t -> index.concepts().name(t, lang)).toList();
                    String who = m.match().profile().name();
                    return new ConsortiumView.Member(UUID.fromString(m.match().profile().key()),
                            index.organisationOf(m.match().profile().key()).orElse(null), who,
                            m.match().profile().type(), Explanations.locality(need, m.match()), brings,
                            (en ? who + " brings " : who + " bidrar med ") + String.join(", ", brings) + ".");
                }).toList();
                List<String> covered = s.covered().stream().map(t -> index.concepts().name(t, lang)).toList();
                List<String> missing = s.missing().stream().map(t -> index.concepts().name(t, lang)).toList();
                String names = members.stream().map(ConsortiumView.Member::name)
                        .collect(Collectors.joining(en ? " and " : " och "));
                String text = (en ? "Together " + names + " cover " : "Tillsammans täcker " + names + " ")
                        + String.join(", ", covered)
                        + (missing.isEmpty() ? "." : (en ? "; still missing: " : "; saknas ännu: ")
                                + String.join(", ", missing) + ".");
                return new ConsortiumView(round(s.score()), members, covered, missing, text);
            }).toList();
        });
    }

    /** Open needs ranked for an innovator's own profile, from the same rankings a buyer sees (on a worker). */
    public Uni<List<NeedRecommendationView>> forInnovator(UUID organisation, int limit, String lang) {
        return Panache.withSession(() -> InnovatorProfile.<InnovatorProfile>find("orgId", organisation).firstResult()
                .chain(profile -> {
                    if (profile == null) {
                        throw ProblemException.notFound("profile of your organisation (create it first)");
                    }
                    return answered(organisation).chain(answered -> NeedEntry.<NeedEntry>list("open", true)
                            .map(open -> open.stream().filter(n -> !answered.contains(n.id) && !closed(n)).toList())
                            .chain(open -> challenges(open)
                                    .map(byId -> new OpenNeeds(profile.id.toString(), open, byId))));
                })).emitOn(Infrastructure.getDefaultWorkerPool()).map(read -> rankFor(read, limit, lang));
    }

    private List<NeedRecommendationView> rankFor(OpenNeeds read, int limit, String lang) {
        List<NeedRecommendationView> found = new ArrayList<>();
        for (NeedEntry entry : read.open()) {
            NeedEntry challenge = read.challenges().get(entry.challengeId);
            Need need = entry.toRanking(challenge);
            for (Ranker.Match m : relevant(index.rank(need, entry.rankingVersion(challenge)))) {
                if (m.profile().key().equals(read.profileKey())) {
                    found.add(new NeedRecommendationView(0, entry.id, entry.kind, entry.challengeId, entry.title,
                            need.municipalityCode(), need.locality(), entry.closesAt, round(m.score()),
                            explanations.sharedConcepts(m, lang), Explanations.sharedSectors(need, m),
                            Explanations.locality(need, m), explanations.reasons(need, m, lang),
                            explanations.explanation(need, m, lang)));
                    break;
                }
            }
        }
        found.sort(Comparator.comparingDouble(NeedRecommendationView::score).reversed());
        List<NeedRecommendationView> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            out.add(found.get(i).withRank(i + 1));
        }
        return out;
    }

    private record OpenNeeds(String profileKey, List<NeedEntry> open, Map<UUID, NeedEntry> challenges) {
    }

    /** An RFI whose window has ended is no longer open, even before its closing event has arrived. */
    private boolean closed(NeedEntry n) {
        return n.closesAt != null && !n.closesAt.isAfter(clock.instant());
    }

    /**
     * The RFIs the organisation has responded to, alone (withdrawn or not: it cannot respond again) or in a
     * consortium that did not withdraw: they are no longer news to it.
     */
    static Uni<Set<UUID>> answered(UUID organisation) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT DISTINCT rfi_id FROM response_signal
                WHERE org_id = :org AND NOT (role = 'MEMBER' AND state = 'WITHDRAWN')""", UUID.class)
                .setParameter("org", organisation).getResultList()).map(Set::copyOf);
    }

    /** Where a profile stands for a need now: its score and rank, or null when it is not among the ranked. */
    Ranked standing(Need need, long version, UUID profileId) {
        List<Ranker.Match> ranked = index.rank(need, version);
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).profile().key().equals(profileId.toString())) {
                return new Ranked(round(ranked.get(i).score()), i + 1);
            }
        }
        return null;
    }

    record Ranked(double score, int rank) {
    }

    private RecommendationView view(Need need, Ranker.Match m, int rank, String lang, FeedbackView feedback) {
        String key = m.profile().key();
        return new RecommendationView(rank, UUID.fromString(key), index.organisationOf(key).orElse(null),
                m.profile().name(), m.profile().type(), m.profile().regionsServed(), round(m.score()),
                explanations.sharedConcepts(m, lang), Explanations.sharedSectors(need, m),
                Explanations.locality(need, m), m.placeBound(), explanations.reasons(need, m, lang),
                explanations.explanation(need, m, lang), feedback);
    }

    private static Uni<Map<UUID, FeedbackView>> feedbackOf(UUID needId, Viewer viewer) {
        if (viewer.organisation() == null) {
            return Uni.createFrom().item(Map.of());
        }
        return Feedback.<Feedback>list("needId = ?1 and orgId = ?2", needId, viewer.organisation())
                .map(list -> {
                    Map<UUID, FeedbackView> out = new HashMap<>();
                    list.forEach(f -> out.put(f.profileId, FeedbackService.view(f)));
                    return out;
                });
    }

    private static Uni<Map<UUID, NeedEntry>> challenges(List<NeedEntry> needs) {
        List<UUID> ids = needs.stream().filter(n -> NeedEntry.RFI.equals(n.kind)).map(n -> n.challengeId)
                .distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return NeedEntry.<NeedEntry>list("id in ?1", ids).map(list -> {
            Map<UUID, NeedEntry> out = new HashMap<>();
            list.forEach(n -> out.put(n.id, n));
            return out;
        });
    }

    /**
     * What is worth showing: a profile that shares a word or two with a need but nothing it can do there scores
     * near zero, and a list that ends in such names only makes the good ones harder to trust.
     */
    private List<Ranker.Match> relevant(List<Ranker.Match> ranked) {
        return ranked.stream().filter(m -> m.score() >= minScore).toList();
    }

    static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
