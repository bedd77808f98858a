package se.utfall.rfi.domain;

import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** What a buyer writes: the text, the questions, the criteria and the window. */
public record RfiContent(String title, String description, List<Question> questions, List<Criterion> criteria,
        Instant opensAt, Instant closesAt) {
    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_CRITERIA = 20;
    public static final int MAX_TEXT_LENGTH = 20_000;

    public RfiContent {
        questions = questions == null ? List.of() : List.copyOf(questions);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** Problems that make the content wrong whatever its state (a draft may still be incomplete). */
    public RuleViolation.Problems problems() {
        RuleViolation.Problems p = new RuleViolation.Problems();
        if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
            p.add("closesAt", "must be after opensAt");
        }
        // Ids a client sends back must stay unique: answers and scores are keyed by them.
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String at = "questions[" + i + "]";
            if (!ids.add(q.id())) {
                p.add(at + ".id", "two questions have this id");
            }
            if (q.type().hasOptions()) {
                Set<String> seen = new HashSet<>();
                if (q.options().size() < 2) {
                    p.add(at + ".options", "a choice needs at least two options");
                }
                for (String o : q.options()) {
                    if (!seen.add(o.trim().toLowerCase(Locale.ROOT))) {
                        p.add(at + ".options", "\"" + o + "\" is listed twice");
                    }
                }
                if (q.maxLength() != null) {
                    p.add(at + ".maxLength", "only a TEXT question has a maximum length");
                }
            } else {
                if (!q.options().isEmpty()) {
                    p.add(at + ".options", "only a choice question has options");
                }
                if (q.type() == QuestionType.NUMBER && q.maxLength() != null) {
                    p.add(at + ".maxLength", "only a TEXT question has a maximum length");
                }
            }
        }
        Set<String> names = new HashSet<>();
        Set<UUID> criterionIds = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            if (!criterionIds.add(criteria.get(i).id())) {
                p.add("criteria[" + i + "].id", "two criteria have this id");
            }
            if (!names.add(criteria.get(i).name().trim().toLowerCase(Locale.ROOT))) {
                p.add("criteria[" + i + "].name", "two criteria have this name");
            }
        }
        return p;
    }

    /** What publishing needs on top: a question, criteria weighing 100, a window that has not ended. */
    public RuleViolation.Problems missingForPublication(Instant now) {
        RuleViolation.Problems p = new RuleViolation.Problems();
        if (questions.isEmpty()) {
            p.add("questions", "an RFI asks at least one question");
        }
        if (criteria.isEmpty()) {
            p.add("criteria", "respondents must know how they will be evaluated: add criteria");
        } else if (totalWeight() != 100) {
            p.add("criteria", "the weights add up to " + totalWeight() + ", not 100");
        }
        if (closesAt != null && !closesAt.isAfter(now)) {
            p.add("closesAt", "the window has already ended");
        }
        return p;
    }

    public int totalWeight() {
        return criteria.stream().mapToInt(Criterion::weight).sum();
    }
}
