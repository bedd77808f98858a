package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.config.MatchingConfig;
import se.utfall.matching.mapping.RankingInputs;
import se.utfall.matching.api.FeedbackRequest;
import se.utfall.matching.api.FeedbackView;
import se.utfall.matching.domain.Feedback;
import se.utfall.matching.domain.InnovatorProfile;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Profile;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.limits.CreationLimit;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Buyers' judgements of recommendations: stored per organisation, shown back with the recommendations, and
 * exported in the evaluation set's format, so real judgements can grow the labelled set.
 */
@ApplicationScoped
public class FeedbackService {
    /** A buyer's "useful" says a good fit, not whether it solves the core of the need: grade 2 of 3. */
    static final int USEFUL_GRADE = 2;
    /** The buyer shortlisted the organisation's response to the RFI: it can do the job. */
    static final int SHORTLISTED_GRADE = 3;
    /** It responded but was not shortlisted: it thought it fitted, the buyer less so. */
    static final int NOT_SHORTLISTED_GRADE = 1;

    private final RecommendationService recommendations;
    private final Clock clock;

    private final CreationLimit limit;

    public FeedbackService(RecommendationService recommendations, Clock clock, MatchingConfig config) {
        this.recommendations = recommendations;
        this.clock = clock;
        this.limit = new CreationLimit(config.feedbackLimit(), config.feedbackWindow());
    }

    /** A judgement as stored, and whether this request gave it first. */
    public record Saved(FeedbackView view, boolean created) {
    }

    /**
     * Records the viewer's organisation's judgement, or changes it with the version the caller read (If-Match);
     * the need's insiders only.
     */
    @WithTransaction
    public Uni<Saved> give(UUID needId, UUID profileId, FeedbackRequest request, Precondition ifMatch, Viewer viewer) {
        if (viewer.organisation() == null) {
            throw RuleViolation.notFound("need");
        }
        return Needs.forInsider(needId, viewer).chain(loaded -> InnovatorProfile.<InnovatorProfile>findById(
                profileId).chain(profile -> {
                    if (profile == null) {
                        throw RuleViolation.notFound("profile");
                    }
                    RecommendationService.Ranked now = recommendations.standing(loaded.ranking(),
                            loaded.version(), profileId);
                    Instant at = clock.instant();
                    return Panache.getSession().chain(s -> s.createSelectionQuery("select count(f),"
                            + " min(f.updatedAt) from Feedback f where f.orgId = :org and f.updatedAt > :since",
                            Object[].class).setParameter("org", viewer.organisation())
                            .setParameter("since", limit.since(at)).getSingleResult()).invoke(counted ->
                            limit.check((Long) counted[0], (Instant) counted[1], at, "feedback judgements"))
                            .chain(() -> Feedback.<Feedback>find("needId = ?1 and profileId = ?2 and orgId = ?3",
                                    needId, profileId, viewer.organisation()).<Feedback>firstResult())
                            .chain(existing -> {
                                Feedback f = existing;
                                if (f != null) {
                                    ifMatch.require(f.version);
                                }
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
                                f.updatedAt = at;
                                return f.<Feedback>persistAndFlush().map(saved -> new Saved(view(saved),
                                        existing == null));
                            });
                }));
    }

    /** The viewer's organisation's judgements on a need. */
    @WithSession
    public Uni<Page<FeedbackView>> list(UUID needId, Viewer viewer, PageRequest page) {
        return Needs.forInsider(needId, viewer).chain(loaded -> viewer.organisation() == null
                ? Uni.createFrom().item(Page.of(List.<FeedbackView>of(), page, 0))
                : Feedback.<Feedback>find("needId = ?1 and orgId = ?2 order by updatedAt, id", needId,
                        viewer.organisation()).page(page.page, page.size).list()
                        .chain(l -> Feedback.count("needId = ?1 and orgId = ?2", needId, viewer.organisation())
                                .map(total -> Page.of(l.stream().map(FeedbackService::view).toList(), page,
                                        total))));
    }

    /**
     * The judgements as an evaluation set (needs, innovators, relevance): a buyer's own organisation's, a
     * coordinator's or admin's all. "Useful" becomes grade {@value #USEFUL_GRADE}; "not useful" stays absent from
     * {@code relevance} (not relevant). A buyer's decision on an RFI response is a judgement too, of the RFI and the
     * responding organisation's profile (and its consortium members'): shortlisted grade
     * {@value #SHORTLISTED_GRADE}, not shortlisted grade {@value #NOT_SHORTLISTED_GRADE}; a buyer's export has the
     * decisions on its own organisation's RFIs (co-buyers do not see them, as in rfi-service). Every judgement,
     * with comments, is also listed under {@code judgements}, which the evaluation ignores; where two disagree,
     * the higher grade is exported.
     */
    @WithSession
    public Uni<Map<String, Object>> export(Viewer viewer) {
        Uni<List<Feedback>> all = viewer.seesAll() ? Feedback.listAll()
                : Feedback.list("orgId", viewer.organisation());
        return all.chain(feedback -> decisions(viewer).chain(decisions -> {
            Set<UUID> needIds = new TreeSet<>();
            Set<UUID> profileIds = new TreeSet<>();
            feedback.forEach(f -> {
                needIds.add(f.needId);
                profileIds.add(f.profileId);
            });
            decisions.forEach(d -> {
                needIds.add(d.rfi());
                profileIds.add(d.profile());
            });
            if (needIds.isEmpty()) {
                return Uni.createFrom().item(exported(List.of(), List.of(), Map.of(), List.of()));
            }
            return NeedEntry.<NeedEntry>list("id in ?1 or id in (select n.challengeId from NeedEntry n where"
                    + " n.id in ?1)", needIds).chain(needs -> InnovatorProfile.<InnovatorProfile>list("id in ?1",
                            profileIds).map(profiles -> {
                                Map<UUID, NeedEntry> byId = new LinkedHashMap<>();
                                needs.forEach(n -> byId.put(n.id, n));
                                // A need the index no longer holds (mid-rebuild, or gone) is left out.
                                List<Need> needList = needIds.stream().map(byId::get).filter(Objects::nonNull)
                                        .map(n -> RankingInputs.need(n, byId.get(n.challengeId))).toList();
                                List<Profile> profileList = profiles.stream()
                                        .sorted((a, b) -> a.id.compareTo(b.id))
                                        .map(RankingInputs::profile).toList();
                                Map<String, Map<String, Integer>> relevance = new TreeMap<>();
                                List<Map<String, Object>> judgements = new ArrayList<>();
                                for (Feedback f : feedback) {
                                    if (f.useful) {
                                        grade(relevance, f.needId, f.profileId, USEFUL_GRADE);
                                    }
                                    Map<String, Object> j = new LinkedHashMap<>();
                                    j.put("need", f.needId.toString());
                                    j.put("innovator", f.profileId.toString());
                                    j.put("source", "feedback");
                                    j.put("useful", f.useful);
                                    j.put("comment", f.comment);
                                    j.put("rank", f.rank);
                                    judgements.add(j);
                                }
                                for (Decision d : decisions) {
                                    boolean shortlisted = "SHORTLISTED".equals(d.state());
                                    grade(relevance, d.rfi(), d.profile(),
                                            shortlisted ? SHORTLISTED_GRADE : NOT_SHORTLISTED_GRADE);
                                    Map<String, Object> j = new LinkedHashMap<>();
                                    j.put("need", d.rfi().toString());
                                    j.put("innovator", d.profile().toString());
                                    j.put("source", "rfi-decision");
                                    j.put("decision", d.state());
                                    j.put("role", d.role());
                                    judgements.add(j);
                                }
                                return exported(needList, profileList, relevance, judgements);
                            }));
        }));
    }

    /** A buyer's decision on a response, as a judgement of the RFI and a profile. */
    private record Decision(UUID rfi, UUID profile, String state, String role) {
    }

    private static final String DECISIONS = """
            SELECT r.rfi_id, p.id, r.state, r.role FROM response_signal r
            JOIN profile p ON p.org_id = r.org_id
            JOIN need n ON n.id = r.rfi_id
            WHERE r.state IN ('SHORTLISTED', 'NOT_SHORTLISTED') AND (:all OR n.owner_org_id = :org)
            ORDER BY r.rfi_id, p.id""";

    private static Uni<List<Decision>> decisions(Viewer viewer) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DECISIONS, Object[].class)
                .setParameter("all", viewer.seesAll())
                .setParameter("org", viewer.organisation() == null ? new UUID(0, 0) : viewer.organisation())
                .getResultList()).map(rows -> rows.stream().map(r -> new Decision((UUID) r[0], (UUID) r[1],
                        (String) r[2], (String) r[3])).toList());
    }

    private static void grade(Map<String, Map<String, Integer>> relevance, UUID need, UUID profile, int grade) {
        relevance.computeIfAbsent(need.toString(), k -> new TreeMap<>()).merge(profile.toString(), grade, Math::max);
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
