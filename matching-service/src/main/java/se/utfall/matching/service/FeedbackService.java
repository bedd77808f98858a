package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.api.FeedbackRequest;
import se.utfall.matching.api.FeedbackView;
import se.utfall.matching.domain.Feedback;
import se.utfall.matching.domain.InnovatorProfile;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Profile;
import se.utfall.web.problem.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Buyers' judgements of recommendations: stored per organisation, shown back with the recommendations, and
 * exported in the evaluation set's format, so real judgements can grow the labelled set.
 */
@ApplicationScoped
public class FeedbackService {
    /** A buyer's "useful" says a good fit, not whether it solves the core of the need: grade 2 of 3. */
    static final int USEFUL_GRADE = 2;

    private final RecommendationService recommendations;
    private final Clock clock;

    public FeedbackService(RecommendationService recommendations, Clock clock) {
        this.recommendations = recommendations;
        this.clock = clock;
    }

    /** Records (or changes) the viewer's organisation's judgement; the need's insiders only. */
    @WithTransaction
    public Uni<FeedbackView> give(UUID needId, UUID profileId, FeedbackRequest request, Viewer viewer) {
        if (viewer.organisation() == null) {
            throw ProblemException.notFound("need");
        }
        return Needs.forInsider(needId, viewer).chain(loaded -> InnovatorProfile.<InnovatorProfile>findById(
                profileId).chain(profile -> {
                    if (profile == null) {
                        throw ProblemException.notFound("profile");
                    }
                    RecommendationService.Ranked now = recommendations.standing(loaded.ranking(),
                            loaded.version(), profileId);
                    return Feedback.<Feedback>find("needId = ?1 and profileId = ?2 and orgId = ?3", needId,
                            profileId, viewer.organisation()).firstResult().chain(existing -> {
                                Feedback f = existing;
                                if (f == null) {
                                    f = new Feedback();
                                    f.id = UUID.randomUUID();
                                    f.needId = needId;
                                    f.profileId = profileId;
                                    f.orgId = viewer.organisation();
                                }
                                f.useful = request.useful();
                                f.comment = request.comment() == null || request.comment().isBlank() ? null
                                        : request.comment();
                                f.score = now == null ? null : now.score();
                                f.rank = now == null ? null : now.rank();
                                f.createdBy = viewer.subject();
                                f.updatedAt = clock.instant();
                                return f.<Feedback>persistAndFlush().map(FeedbackService::view);
                            });
                }));
    }

    /** The viewer's organisation's judgements on a need. */
    @WithSession
    public Uni<List<FeedbackView>> list(UUID needId, Viewer viewer) {
        return Needs.forInsider(needId, viewer).chain(loaded -> viewer.organisation() == null
                ? Uni.createFrom().item(List.<FeedbackView>of())
                : Feedback.<Feedback>list("needId = ?1 and orgId = ?2 order by updatedAt", needId,
                        viewer.organisation()).map(l -> l.stream().map(FeedbackService::view).toList()));
    }

    /**
     * The judgements as an evaluation set (needs, innovators, relevance): a buyer's own organisation's, a
     * coordinator's or admin's all. "Useful" becomes grade {@value #USEFUL_GRADE}; "not useful" stays absent from
     * {@code relevance} (not relevant) and is kept with the comments under {@code judgements}, which the
     * evaluation ignores.
     */
    @WithSession
    public Uni<Map<String, Object>> export(Viewer viewer) {
        Uni<List<Feedback>> all = viewer.seesAll() ? Feedback.listAll()
                : Feedback.list("orgId", viewer.organisation());
        return all.chain(feedback -> {
            Set<UUID> needIds = feedback.stream().map(f -> f.needId).collect(Collectors.toSet());
            Set<UUID> profileIds = feedback.stream().map(f -> f.profileId).collect(Collectors.toSet());
            if (feedback.isEmpty()) {
                return Uni.createFrom().item(exported(List.of(), List.of(), Map.of(), List.of()));
            }
            return NeedEntry.<NeedEntry>list("id in ?1 or id in (select n.challengeId from NeedEntry n where"
                    + " n.id in ?1)", needIds).chain(needs -> InnovatorProfile.<InnovatorProfile>list("id in ?1",
                            profileIds).map(profiles -> {
                                Map<UUID, NeedEntry> byId = new LinkedHashMap<>();
                                needs.forEach(n -> byId.put(n.id, n));
                                // A need the index no longer holds (mid-rebuild, or gone) is left out.
                                List<Need> needList = needIds.stream().sorted().map(byId::get)
                                        .filter(Objects::nonNull)
                                        .map(n -> n.toRanking(byId.get(n.challengeId))).toList();
                                List<Profile> profileList = profiles.stream()
                                        .sorted((a, b) -> a.id.compareTo(b.id))
                                        .map(InnovatorProfile::toRanking).toList();
                                Map<String, Map<String, Integer>> relevance = new TreeMap<>();
                                List<Map<String, Object>> judgements = new ArrayList<>();
                                for (Feedback f : feedback) {
                                    if (f.useful) {
                                        relevance.computeIfAbsent(f.needId.toString(), k -> new TreeMap<>())
                                                .merge(f.profileId.toString(), USEFUL_GRADE, Math::max);
                                    }
                                    Map<String, Object> j = new LinkedHashMap<>();
                                    j.put("need", f.needId.toString());
                                    j.put("innovator", f.profileId.toString());
                                    j.put("useful", f.useful);
                                    j.put("comment", f.comment);
                                    j.put("rank", f.rank);
                                    judgements.add(j);
                                }
                                return exported(needList, profileList, relevance, judgements);
                            }));
        });
    }

    static FeedbackView view(Feedback f) {
        return new FeedbackView(f.needId, f.profileId, f.useful, f.comment, f.score, f.rank, f.updatedAt,
                f.version);
    }

    /** The export's shape: exactly the evaluation format, plus the ignored {@code judgements}. */
    private static Map<String, Object> exported(List<Need> needs, List<Profile> profiles,
            Map<String, Map<String, Integer>> relevance, List<Map<String, Object>> judgements) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("needs", needs);
        out.put("innovators", profiles);
        out.put("relevance", relevance);
        out.put("judgements", judgements);
        return out;
    }
}
