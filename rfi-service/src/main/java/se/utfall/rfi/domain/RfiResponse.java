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
import jakarta.persistence.Version;
import se.utfall.web.problem.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An organisation's response to an RFI: one per organisation and RFI. */
@Entity
@Table(name = "rfi_response")
public class RfiResponse extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    @Enumerated(EnumType.STRING)
    public ResponseStatus status;
    /** What the respondent is willing to have shown beyond the buyer (e.g. to matching and finance). */
    public String summary;
    /** Answers and consortium as JSON text (see {@link JsonText}); read and replaced through the methods. */
    @Column(name = "answers", nullable = false)
    public String answersJson;
    @Column(name = "consortium", nullable = false)
    public String consortiumJson;
    /** The attachments' descriptions as JSON text (the bytes are in {@link AttachmentContent}). */
    @Column(name = "attachments", nullable = false)
    public String attachmentsJson;
    @Column(name = "estimated_annual_cost")
    public BigDecimal estimatedAnnualCost;
    public String currency;
    @Version
    public long version;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "created_by", updatable = false)
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "receipt_sha256")
    public String receiptSha256;
    /** The buyer's decision and feedback: the respondent reads them once the evaluation is completed. */
    @Enumerated(EnumType.STRING)
    public Decision decision;
    public String feedback;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    /** When the evaluation was completed: from then on the decision is final and its organisation reads it. */
    @Column(name = "decision_released_at")
    public Instant decisionReleasedAt;

    public List<Answer> answers() {
        return answersJson == null ? List.of()
                : List.copyOf(JsonText.read(answersJson, new TypeReference<List<Answer>>() { }));
    }

    public List<ConsortiumMember> consortium() {
        return consortiumJson == null ? List.of()
                : List.copyOf(JsonText.read(consortiumJson, new TypeReference<List<ConsortiumMember>>() { }));
    }

    public List<Attachment> attachments() {
        return attachmentsJson == null ? List.of()
                : List.copyOf(JsonText.read(attachmentsJson, new TypeReference<List<Attachment>>() { }));
    }

    public void replaceAttachments(List<Attachment> attachments) {
        attachmentsJson = JsonText.write(attachments);
    }

    public void replaceAnswers(List<Answer> answers) {
        answersJson = JsonText.write(answers);
    }

    public void replaceConsortium(List<ConsortiumMember> members) {
        consortiumJson = JsonText.write(members);
    }

    /** Answers that do not fit their questions; with {@code submitting}, also required questions left open. */
    public static RuleViolation.Problems problems(List<Question> questions, List<Answer> answers,
            boolean submitting) {
        RuleViolation.Problems p = new RuleViolation.Problems();
        Map<UUID, Question> byId = questions.stream().collect(Collectors.toMap(Question::id, Function.identity()));
        Set<UUID> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            String at = "answers[" + i + "]";
            Question q = byId.get(a.questionId());
            if (q == null) {
                p.add(at + ".questionId", "is not a question of this RFI");
                continue;
            }
            if (!answered.add(q.id())) {
                p.add(at + ".questionId", "is answered twice");
                continue;
            }
            switch (q.type()) {
                case TEXT -> {
                    if (a.number() != null || !a.choices().isEmpty()) {
                        p.add(at, "answer this question with text");
                    } else if (a.text() != null && q.maxLength() != null && a.text().length() > q.maxLength()) {
                        p.add(at + ".text", "is longer than the " + q.maxLength() + " characters the question allows");
                    }
                }
                case NUMBER -> {
                    if (a.text() != null || !a.choices().isEmpty()) {
                        p.add(at, "answer this question with a number");
                    }
                }
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    if (a.text() != null || a.number() != null) {
                        p.add(at, "answer this question by choosing among its options");
                    } else if (q.type() == QuestionType.SINGLE_CHOICE && a.choices().size() > 1) {
                        p.add(at + ".choices", "choose one option");
                    } else if (a.choices().stream().anyMatch(c -> !q.options().contains(c))) {
                        p.add(at + ".choices", "choose among " + q.options());
                    } else if (a.choices().stream().distinct().count() != a.choices().size()) {
                        p.add(at + ".choices", "an option is chosen twice");
                    }
                }
                default -> p.add(at, "unknown question type");
            }
        }
        if (submitting) {
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                if (q.required() && answers.stream().noneMatch(a -> q.id().equals(a.questionId()) && !isEmpty(a))) {
                    // Positions count from 0 everywhere, as in field paths (answers[1].text): the RFI's questions[i].
                    p.add("answers", "questions[" + i + "] (id " + q.id() + ", \"" + q.text()
                            + "\") needs an answer");
                }
            }
        }
        return p;
    }

    private static boolean isEmpty(Answer a) {
        return (a.text() == null || a.text().isBlank()) && a.number() == null && a.choices().isEmpty();
    }

    /** Records (or changes) the buyer's decision on a submitted response; the RFI must be under evaluation. */
    public void decide(Decision decision, String feedback, String by, Instant now) {
        requireStatus("decided on", ResponseStatus.SUBMITTED);
        this.decision = decision;
        this.feedback = feedback;
        this.decidedAt = now;
        this.decidedBy = by;
    }

    /** Whether the respondent may still change or withdraw it (the RFI decides about time). */
    public void requireStatus(String action, ResponseStatus... allowed) {
        for (ResponseStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw RuleViolation.conflict("A response that is " + status + " cannot be " + action + ".");
    }
}
