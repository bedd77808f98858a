package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.config.MatchingConfig;
import se.utfall.matching.mapping.RankingInputs;
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
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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

    private final Pool pool;

    public RecommendationService(ProfileIndex index, Explanations explanations, MatchingConfig config, Clock clock,
            Pool pool) {
        this.index = index;
        this.pool = pool;
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
        // The respondents are read on the pool after the session has ended: a native selection through Hibernate
        // grows its plan cache with every call, and one inside an open session holds a second connection.
        return Panache.withSession(() -> Needs.forInsider(needId, viewer).chain(loaded -> feedbackOf(needId, viewer)
                .map(feedback -> Map.entry(loaded, feedback))))
                .chain(read -> respondents(needId).map(responded -> new ForNeed(read.getKey(), read.getValue(),
                        responded)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> {
            Need need = read.loaded().ranking();
            String municipality = read.loaded().entry().municipalityLabel(read.loaded().challenge());
            List<Ranker.Match> ranked = relevant(index.rank(need, read.loaded().version()));
            List<RecommendationView> out = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
                Ranker.Match m = ranked.get(i);
                out.add(view(need, municipality, m, i + 1, lang,
                        read.feedback().get(UUID.fromString(m.profile().key())), read.responded()));
            }
            return out;
        });
    }

    private record ForNeed(Needs.Loaded loaded, Map<UUID, FeedbackView> feedback, Set<UUID> responded) {
    }

    /**
     * The organisations that have responded to the need (an RFI) or to an RFI of it (a challenge): alone, or in a
     * consortium that did not withdraw. A buyer sees them marked, not as news.
     */
    private Uni<Set<UUID>> respondents(UUID needId) {
        return pool.preparedQuery(RESPONDENTS).execute(Tuple.of(needId)).map(rows -> {
            Set<UUID> orgs = new HashSet<>();
            rows.forEach(r -> orgs.add(r.getUUID(0)));
            return orgs;
        });
    }

    private static final String RESPONDENTS = """
            SELECT DISTINCT org_id FROM response_signal
            WHERE rfi_id IN (SELECT id FROM need WHERE id = $1 OR challenge_id = $1)
              AND NOT (role = 'MEMBER' AND state = 'WITHDRAWN')""";

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
    public Uni<Page<NeedRecommendationView>> forInnovator(UUID organisation, PageRequest page, String lang) {
        return Panache.withSession(() -> InnovatorProfile.<InnovatorProfile>find("orgId", organisation).firstResult()
                .chain(profile -> {
                    if (profile == null) {
                        throw RuleViolation.notFound("profile of your organisation (create it first)");
                    }
                    return answered(organisation).chain(answered -> NeedEntry.<NeedEntry>list("open", true)
                            .map(open -> open.stream().filter(n -> !answered.contains(n.id) && !closed(n)).toList())
                            .chain(open -> challenges(open)
                                    .map(byId -> new OpenNeeds(profile.id.toString(), open, byId))));
                })).emitOn(Infrastructure.getDefaultWorkerPool()).map(read -> rankFor(read, page, lang));
    }

    private Page<NeedRecommendationView> rankFor(OpenNeeds read, PageRequest page, String lang) {
        List<NeedRecommendationView> found = new ArrayList<>();
        for (NeedEntry entry : read.open()) {
            NeedEntry challenge = read.challenges().get(entry.challengeId);
            Need need = RankingInputs.need(entry, challenge);
            String municipality = entry.municipalityLabel(challenge);
            for (Ranker.Match m : relevant(index.rank(need, entry.rankingVersion(challenge)))) {
                if (m.profile().key().equals(read.profileKey())) {
                    found.add(new NeedRecommendationView(0, entry.id, entry.kind, entry.challengeId, entry.title,
                            entry.ownerOrgName, need.municipalityCode(), municipality, need.locality(), entry.closesAt,
                            round(m.score()), explanations.sharedConcepts(m, lang),
                            Explanations.sharedSectors(need, m), Explanations.locality(need, m),
                            explanations.reasons(need, m, lang, municipality),
                            explanations.explanation(need, m, lang, municipality)));
                    break;
                }
            }
        }
        found.sort(Comparator.comparingDouble(NeedRecommendationView::score).reversed());
        List<NeedRecommendationView> out = new ArrayList<>();
        long first = (long) page.page * page.size;
        for (long i = first; i < Math.min(first + page.size, found.size()); i++) {
            out.add(found.get((int) i).withRank((int) i + 1));
        }
        return Page.of(out, page, found.size());
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

    private RecommendationView view(Need need, String municipality, Ranker.Match m, int rank, String lang,
            FeedbackView feedback, Set<UUID> responded) {
        String key = m.profile().key();
        UUID organisation = index.organisationOf(key).orElse(null);
        return new RecommendationView(rank, UUID.fromString(key), organisation,
                index.organisationNameOf(key).orElse(null), m.profile().name(), m.profile().type(),
                m.profile().regionsServed(), round(m.score()),
                explanations.sharedConcepts(m, lang), Explanations.sharedSectors(need, m),
                Explanations.locality(need, m), m.placeBound(), explanations.reasons(need, m, lang, municipality),
                explanations.explanation(need, m, lang, municipality), feedback,
                organisation != null && responded.contains(organisation));
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
