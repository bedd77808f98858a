package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import se.utfall.web.problem.RuleViolation.FieldProblem;
import se.utfall.web.problem.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A challenge: a need of real users that a municipality or region wants solved, with what meeting it costs today
 * (the baseline the new solution must not exceed) and the outcomes it wants. Goals, insights and the process
 * trail live in their own tables, keyed by the challenge id.
 */
@Entity
@Table(name = "challenge")
public class Challenge extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "owner_org_id", nullable = false, updatable = false)
    public UUID ownerOrgId;

    /** The owner's display name as the creating token gave it ({@code org_name}); null if it gave none. */
    @Column(name = "owner_org_name", updatable = false)
    public String ownerOrgName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_buyer_org_ids", columnDefinition = "text[]")
    public List<String> coBuyerOrgIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "observer_org_ids", columnDefinition = "text[]")
    public List<String> observerOrgIds = new ArrayList<>();

    public String title;
    public String summary;
    @Column(name = "problem_statement")
    public String problemStatement;
    @Column(name = "target_group")
    public String targetGroup;
    public String locality;
    @Column(name = "municipality_code")
    public String municipalityCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> sectors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cpv_codes", columnDefinition = "text[]")
    public List<String> cpvCodes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sdg_targets", columnDefinition = "text[]")
    public List<String> sdgTargets = new ArrayList<>();

    @Column(name = "budget_amount")
    public BigDecimal budgetAmount;
    @Column(name = "budget_currency")
    public String budgetCurrency;

    @Column(name = "baseline_description")
    public String baselineDescription;
    @Column(name = "baseline_unit_cost")
    public BigDecimal baselineUnitCost;
    @Column(name = "baseline_currency")
    public String baselineCurrency;
    @Column(name = "baseline_unit")
    public String baselineUnit;
    @Column(name = "baseline_period")
    public String baselinePeriod;
    @Column(name = "baseline_volume")
    public BigDecimal baselineVolume;

    @Enumerated(EnumType.STRING)
    public ChallengeStatus status;

    @Version
    public long version;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "created_by", updatable = false)
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "archived_at")
    public Instant archivedAt;

    /**
     * Public means "was published": published, closed after publication, or archived after that. A draft that was
     * shelved (archived without ever being published) stays private, with its insights and internal costs.
     */
    public boolean isPublic() {
        return publishedAt != null;
    }

    /** The organisations that may read this challenge before (and beyond) what is public: owner, co-buyers, observers.
     * */
    public Set<UUID> readers() {
        Set<UUID> orgs = new HashSet<>();
        orgs.add(ownerOrgId);
        coBuyerOrgIds.forEach(o -> orgs.add(UUID.fromString(o)));
        observerOrgIds.forEach(o -> orgs.add(UUID.fromString(o)));
        return orgs;
    }

    /** The organisations that buy together: they see internal insights and the full history. */
    public Set<UUID> buyers() {
        Set<UUID> orgs = new HashSet<>();
        orgs.add(ownerOrgId);
        coBuyerOrgIds.forEach(o -> orgs.add(UUID.fromString(o)));
        return orgs;
    }

    /**
     * What is still missing before this challenge can be published: a problem statement in the users' words and
     * at least one outcome goal with both a baseline and a target.
     */
    public List<FieldProblem> completenessProblems(List<OutcomeGoal> goals) {
        List<FieldProblem> problems = new ArrayList<>();
        if (problemStatement == null || problemStatement.isBlank()) {
            problems.add(new FieldProblem("problemStatement", "is required before publishing"));
        }
        if (goals.isEmpty()) {
            problems.add(new FieldProblem("outcomeGoals", "at least one outcome goal is required before publishing"));
        }
        for (int i = 0; i < goals.size(); i++) {
            OutcomeGoal g = goals.get(i);
            if (g.baselineValue == null || g.baselineDate == null) {
                problems.add(new FieldProblem("outcomeGoals[" + i + "].baselineValue",
                        "a baseline value and date are required before publishing"));
            }
            if (g.targetValue == null || g.targetDate == null) {
                problems.add(new FieldProblem("outcomeGoals[" + i + "].targetValue",
                        "a target value and date are required before publishing"));
            }
        }
        return problems;
    }

    public void publish(List<OutcomeGoal> goals, Instant now) {
        requireStatus(ChallengeStatus.DRAFT, "publish");
        List<FieldProblem> problems = completenessProblems(goals);
        if (!problems.isEmpty()) {
            throw new RuleViolation(RuleViolation.Kind.INCOMPLETE, "The challenge is not complete enough to publish",
                    problems);
        }
        status = ChallengeStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    public void close(Instant now) {
        requireStatus(ChallengeStatus.PUBLISHED, "close");
        status = ChallengeStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
    }

    public void archive(Instant now) {
        if (status != ChallengeStatus.CLOSED && status != ChallengeStatus.DRAFT) {
            throw RuleViolation.conflict("Only a closed challenge or a draft can be archived; this one is "
                    + status);
        }
        // A shelved draft is not published by archiving: publishedAt stays null, so it stays private.
        if (status == ChallengeStatus.DRAFT) {
            status = ChallengeStatus.ARCHIVED;
            archivedAt = now;
            updatedAt = now;
            return;
        }
        status = ChallengeStatus.ARCHIVED;
        archivedAt = now;
        updatedAt = now;
    }

    /** Content can change while a draft (freely) or published (as a recorded amendment), never afterwards. */
    public void requireEditable() {
        if (status == ChallengeStatus.CLOSED || status == ChallengeStatus.ARCHIVED) {
            throw RuleViolation.conflict("This challenge is " + status + " and can no longer be changed");
        }
    }

    /** Workshops are held about a published challenge, not a draft nor a closed one. */
    public void requireAcceptsWorkshops() {
        if (status != ChallengeStatus.PUBLISHED) {
            throw RuleViolation.conflict("Workshops are scheduled for published challenges; this one is " + status);
        }
    }

    private void requireStatus(ChallengeStatus expected, String action) {
        if (status != expected) {
            throw RuleViolation.conflict("Cannot " + action + " a challenge that is " + status
                    + "; it must be " + expected);
        }
    }
}
