package se.utfall.rfi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import se.utfall.rfi.messaging.MemberData;
import se.utfall.rfi.messaging.CriterionData;
import se.utfall.rfi.messaging.QuestionData;
import se.utfall.rfi.domain.ConsortiumMember;
import se.utfall.rfi.domain.Attachment;
import se.utfall.rfi.domain.Answer;
import se.utfall.rfi.api.AttachmentView;
import se.utfall.rfi.api.MemberView;
import se.utfall.rfi.api.AnswerView;
import se.utfall.rfi.api.CriterionView;
import se.utfall.rfi.api.QuestionView;
import se.utfall.rfi.domain.RfiListing;
import se.utfall.rfi.api.AmendmentView;
import se.utfall.rfi.api.CriterionInput;
import se.utfall.rfi.api.QuestionInput;
import se.utfall.rfi.api.RfiSummary;
import se.utfall.rfi.api.RfiView;
import se.utfall.rfi.domain.Criterion;
import se.utfall.rfi.domain.Question;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiAmendment;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.messaging.RfiEventData;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Entities to API and event records. Times leave in Swedish time with their offset. */
public final class RfiMapper {
    private RfiMapper() {
    }

    public static Question toQuestion(QuestionInput in) {
        return new Question(in.id() == null ? UUID.randomUUID() : in.id(), in.text().trim(), in.type(),
                in.required() == null || in.required(), in.maxLength(),
                in.options() == null ? List.of() : in.options().stream().map(String::trim).toList());
    }

    public static Criterion toCriterion(CriterionInput in) {
        return new Criterion(in.id() == null ? UUID.randomUUID() : in.id(), in.name().trim(),
                blankToNull(in.description()), in.weight());
    }

    public static RfiView toView(Rfi r, ZoneId zone, Instant now) {
        return new RfiView(r.id, r.challengeId, r.ownerOrgId, r.ownerOrgName, r.municipalityCode,
                r.municipalityName, r.challengeTitle, r.title,
                r.description, questionViews(r.questions()), criterionViews(r.criteria()), Windows.local(r.opensAt,
                        zone),
                Windows.local(r.closesAt, zone), zone.getId(), Windows.dayOf(r.opensAt, zone),
                Windows.lastDayBefore(r.closesAt, zone), r.status, r.acceptsResponses(now), r.amendments,
                r.cancellationReason, r.version, Windows.local(r.createdAt, zone), Windows.local(r.updatedAt, zone),
                Windows.local(r.publishedAt, zone), Windows.local(r.openedAt, zone), Windows.local(r.closedAt, zone),
                Windows.local(r.cancelledAt, zone), Windows.local(r.evaluatedAt, zone));
    }

    public static RfiSummary toSummary(Rfi r, ZoneId zone) {
        return new RfiSummary(r.id, r.challengeId, r.ownerOrgName, r.municipalityCode, r.municipalityName,
                r.challengeTitle, r.title, r.status,
                Windows.local(r.opensAt, zone), Windows.local(r.closesAt, zone),
                Windows.lastDayBefore(r.closesAt, zone), r.version);
    }

    public static AmendmentView toView(RfiAmendment a, JsonNode changes, ZoneId zone) {
        return new AmendmentView(a.key.number, Windows.local(a.at, zone), List.copyOf(a.fields), a.note, changes);
    }

    public static RfiEventData toEvent(Rfi r, RfiEventData.Amendment last, ZoneId zone) {
        return new RfiEventData(r.id, r.challengeId, r.ownerOrgId, r.ownerOrgName, r.title, r.description,
                r.municipalityCode, r.status.name(), Windows.local(r.opensAt, zone), Windows.local(r.closesAt, zone),
                zone.getId(), questionData(r.questions()), criterionData(r.criteria()), r.version, r.amendments, last,
                r.cancellationReason, Windows.local(r.publishedAt, zone), Windows.local(r.openedAt, zone),
                Windows.local(r.closedAt, zone), Windows.local(r.cancelledAt, zone),
                Windows.local(r.evaluatedAt, zone), Windows.dayOf(r.opensAt, zone),
                Windows.lastDayBefore(r.closesAt, zone));
    }

    public static List<QuestionView> questionViews(List<Question> questions) {
        return questions.stream().map(q -> new QuestionView(q.id(), q.text(), q.type(), q.required(), q.maxLength(),
                q.options())).toList();
    }

    public static List<CriterionView> criterionViews(List<Criterion> criteria) {
        return criteria.stream().map(c -> new CriterionView(c.id(), c.name(), c.description(), c.weight())).toList();
    }

    public static List<AnswerView> answerViews(List<Answer> answers) {
        return answers.stream().map(a -> new AnswerView(a.questionId(), a.text(), a.number(), a.choices(),
                a.confidential())).toList();
    }

    /** Null stays null: a view that hides the consortium (a response not shortlisted) shows none. */
    public static List<MemberView> memberViews(List<ConsortiumMember> members) {
        return members == null ? null
                : members.stream().map(m -> new MemberView(m.name(), m.organisationId(), m.role())).toList();
    }

    public static List<AttachmentView> attachmentViews(List<Attachment> files) {
        return files.stream().map(f -> new AttachmentView(f.id(), f.fileName(), f.mediaType(), f.sizeBytes(),
                f.sha256())).toList();
    }

    public static List<QuestionData> questionData(List<Question> questions) {
        return questions.stream().map(q -> new QuestionData(q.id(), q.text(), q.type().name(), q.required(),
                q.maxLength(), q.options())).toList();
    }

    public static List<CriterionData> criterionData(List<Criterion> criteria) {
        return criteria.stream().map(c -> new CriterionData(c.id(), c.name(), c.description(), c.weight())).toList();
    }

    public static List<MemberData> memberData(List<ConsortiumMember> members) {
        return members.stream().map(m -> new MemberData(m.name(), m.organisationId(), m.role())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** An RFI in a list, its dates in the buyer's calendar. */
    public static RfiSummary toSummary(RfiListing l, ZoneId zone) {
        return new RfiSummary(l.id(), l.challengeId(), l.ownerOrgName(), l.municipalityCode(), l.municipalityName(),
                l.challengeTitle(), l.title(), l.status(), Windows.local(l.opensAt(), zone),
                Windows.local(l.closesAt(), zone), Windows.lastDayBefore(l.closesAt(), zone), l.version());
    }
}
