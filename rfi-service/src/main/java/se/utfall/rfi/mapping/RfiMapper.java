package se.utfall.rfi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
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
                r.description, r.questions(), r.criteria(), Windows.local(r.opensAt, zone),
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
                zone.getId(), r.questions(), r.criteria(), r.version, r.amendments, last,
                r.cancellationReason, Windows.local(r.publishedAt, zone), Windows.local(r.openedAt, zone),
                Windows.local(r.closedAt, zone), Windows.local(r.cancelledAt, zone),
                Windows.local(r.evaluatedAt, zone), Windows.dayOf(r.opensAt, zone),
                Windows.lastDayBefore(r.closesAt, zone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
