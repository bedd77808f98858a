package se.utfall.rfi.domain;

import se.utfall.web.json.JsonText;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Request for Information on a published challenge. The window is half-open: responses are accepted from
 * {@code opensAt} and strictly before {@code closesAt}. The rules of its life are here; time comes from outside.
 */
@Entity
@Table(name = "rfi")
public class Rfi extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "challenge_id", nullable = false, updatable = false)
    public UUID challengeId;
    @Column(name = "owner_org_id", nullable = false, updatable = false)
    public UUID ownerOrgId;
    @Column(name = "owner_org_name", updatable = false)
    public String ownerOrgName;
    /** The challenge's kommunkod when the RFI was created (for lists by municipality). */
    @Column(name = "municipality_code", updatable = false)
    public String municipalityCode;
    /** The municipality's name and the challenge's title, kept from the challenge's events (display only). */
    @Column(name = "municipality_name", updatable = false)
    public String municipalityName;
    @Column(name = "challenge_title", updatable = false)
    public String challengeTitle;

    public String title;
    public String description;
    /**
     * The questions as JSON text (see {@link JsonText}); read and replaced through {@link #questions()}. No field
     * initialisers on mapped fields: the enhanced entity tracks the constructor's write as a change, and every
     * loaded RFI was then written back with a new version.
     */
    @Column(name = "questions", nullable = false)
    public String questionsJson;
    @Column(name = "criteria", nullable = false)
    public String criteriaJson;
    @Transient
    private List<Question> questionCache;
    @Transient
    private List<Criterion> criterionCache;
    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    public RfiStatus status;
    @Column(name = "cancellation_reason")
    public String cancellationReason;
    /** How many amendments were published (their history is {@link RfiAmendment}). */
    public int amendments;

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
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    public List<Question> questions() {
        if (questionCache == null) {
            questionCache = questionsJson == null ? List.of()
                    : List.copyOf(JsonText.read(questionsJson, new TypeReference<List<Question>>() { }));
        }
        return questionCache;
    }

    public List<Criterion> criteria() {
        if (criterionCache == null) {
            criterionCache = criteriaJson == null ? List.of()
                    : List.copyOf(JsonText.read(criteriaJson, new TypeReference<List<Criterion>>() { }));
        }
        return criterionCache;
    }

    public void replaceQuestions(List<Question> questions) {
        questionsJson = JsonText.write(questions);
        questionCache = List.copyOf(questions);
    }

    public void replaceCriteria(List<Criterion> criteria) {
        criteriaJson = JsonText.write(criteria);
        criterionCache = List.copyOf(criteria);
    }

    public RfiContent content() {
        return new RfiContent(title, description, questions(), criteria(), opensAt, closesAt);
    }

    /** Whether a response may be created, changed or withdrawn at {@code now}: open, and before the close. */
    public boolean acceptsResponses(Instant now) {
        return status == RfiStatus.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    /** Replaces the content of a draft. */
    public void replaceDraft(RfiContent content, Instant now) {
        requireStatus("change this draft", RfiStatus.DRAFT);
        content.problems().throwIfAny(RuleViolation.Kind.INVALID, "The RFI has problems");
        apply(content);
        updatedAt = now;
    }

    /**
     * Publishes a complete draft: SCHEDULED, or OPEN at once when the window has begun. Answers whether it opened.
     */
    public boolean publish(Instant now) {
        requireStatus("publish", RfiStatus.DRAFT);
        RfiContent content = content();
        content.problems().throwIfAny(RuleViolation.Kind.INVALID, "The RFI has problems");
        content.missingForPublication(now).throwIfAny(RuleViolation.Kind.INCOMPLETE,
                "The RFI cannot be published yet");
        status = RfiStatus.SCHEDULED;
        publishedAt = now;
        updatedAt = now;
        return openIfDue(now);
    }

    /** SCHEDULED → OPEN once {@code opensAt} has come. Answers whether it opened now. */
    public boolean openIfDue(Instant now) {
        if (status != RfiStatus.SCHEDULED || now.isBefore(opensAt)) {
            return false;
        }
        status = RfiStatus.OPEN;
        openedAt = opensAt.isAfter(publishedAt) ? opensAt : publishedAt;
        updatedAt = now;
        return true;
    }

    /**
     * OPEN (or SCHEDULED whose whole window has passed) → CLOSED once {@code closesAt} has come. The window closed
     * at {@code closesAt}, whenever the scheduler noticed. Answers whether it closed now.
     */
    public boolean closeIfDue(Instant now) {
        if ((status != RfiStatus.OPEN && status != RfiStatus.SCHEDULED) || now.isBefore(closesAt)) {
            return false;
        }
        if (status == RfiStatus.SCHEDULED) {
            openedAt = opensAt;
        }
        status = RfiStatus.CLOSED;
        closedAt = closesAt;
        updatedAt = now;
        return true;
    }

    /**
     * A change to a published RFI, before its close. Equal treatment: the window may be extended but never
     * shortened, and once it has opened the questions and criteria stay as respondents saw them. Answers the
     * names of the fields that changed (empty: nothing to record).
     */
    public List<String> amend(RfiContent content, Instant now) {
        requireStatus("amend", RfiStatus.SCHEDULED, RfiStatus.OPEN);
        if (!now.isBefore(closesAt)) {
            throw RuleViolation.conflict("The window closed at " + closesAt + "; a closed RFI cannot be amended.");
        }
        content.problems().throwIfAny(RuleViolation.Kind.INVALID, "The amendment has problems");
        content.missingForPublication(now).throwIfAny(RuleViolation.Kind.INVALID, "The amendment has problems");
        RuleViolation.Problems p = new RuleViolation.Problems();
        if (content.closesAt().isBefore(closesAt)) {
            p.add("closesAt", "a window can be extended, never shortened (it closes " + closesAt + ")");
        }
        if (status == RfiStatus.OPEN) {
            if (!content.opensAt().equals(opensAt)) {
                p.add("opensAt", "the window has opened; its start cannot move");
            }
            if (!content.questions().equals(questions())) {
                p.add("questions", "the window has opened: respondents may have answered these questions."
                        + " Cancel the RFI and publish a new one to ask others");
            }
            if (!content.criteria().equals(criteria())) {
                p.add("criteria", "the window has opened: the criteria respondents read cannot change");
            }
        } else if (!content.opensAt().equals(opensAt) && content.opensAt().isBefore(now)) {
            p.add("opensAt", "a scheduled window cannot be moved to start in the past");
        }
        p.throwIfAny(RuleViolation.Kind.CONFLICT, "This amendment is not allowed");
        List<String> changed = new ArrayList<>();
        compare(changed, "title", title, content.title());
        compare(changed, "description", description, content.description());
        compare(changed, "questions", questions(), content.questions());
        compare(changed, "criteria", criteria(), content.criteria());
        compare(changed, "opensAt", opensAt, content.opensAt());
        compare(changed, "closesAt", closesAt, content.closesAt());
        if (!changed.isEmpty()) {
            apply(content);
            amendments++;
            updatedAt = now;
        }
        return changed;
    }

    /** Cancels a draft or a published RFI before its close; the reason is public. */
    public void cancel(String reason, Instant now) {
        requireStatus("cancel", RfiStatus.DRAFT, RfiStatus.SCHEDULED, RfiStatus.OPEN);
        if (status == RfiStatus.OPEN && !now.isBefore(closesAt)) {
            throw RuleViolation.conflict("The window closed at " + closesAt + "; it can no longer be cancelled.");
        }
        status = RfiStatus.CANCELLED;
        cancellationReason = reason;
        cancelledAt = now;
        updatedAt = now;
    }

    /** Scores and decisions are given between the close and the completed evaluation. */
    public void requireUnderEvaluation() {
        requireStatus("be evaluated", RfiStatus.CLOSED);
    }

    /** CLOSED → EVALUATED: the decisions become final, and the respondents can read theirs. */
    public void completeEvaluation(Instant now) {
        requireStatus("complete an evaluation", RfiStatus.CLOSED);
        status = RfiStatus.EVALUATED;
        evaluatedAt = now;
        updatedAt = now;
    }

    private void apply(RfiContent content) {
        title = content.title();
        description = content.description();
        replaceQuestions(content.questions());
        replaceCriteria(content.criteria());
        opensAt = content.opensAt();
        closesAt = content.closesAt();
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private void requireStatus(String action, RfiStatus... allowed) {
        for (RfiStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw RuleViolation.conflict("An RFI that is " + status + " cannot " + action + ".");
    }

    /** Published RFIs are public; before that only its organisation sees it. */
    public boolean isPublic() {
        return status.isPublished();
    }

    /** The organisations that see it before it is public. */
    public List<UUID> insiders() {
        return List.of(ownerOrgId);
    }
}
