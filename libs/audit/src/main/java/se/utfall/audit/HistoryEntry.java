package se.utfall.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.web.json.ExactJson;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a history as a reader sees it. How much a reader sees is the service's decision ({@link Detail}):
 * everyone who may read the subject sees that fields changed, and when; those with {@link Detail#FULL} also see
 * who did it ({@code actor}) and what the fields held before and after ({@code changes}), which can contain
 * personal text that was later amended away.
 */
@Schema(description = "One entry of an audit history: what happened, when, and for those who may see it, who did it"
        + " and each changed field's value before and after")
public record HistoryEntry(
        @Schema(description = "Position in the history; grows with every entry") long sequence,
        OffsetDateTime at,
        @Schema(description = "The subject (sub) of the person, or a system actor such as 'scheduler'; absent for"
                + " readers who may not see who did it") String actor,
        UUID actorOrgId,
        @Schema(examples = "AMENDED") String action,
        @Schema(description = "The names of the changed fields") List<String> changedFields,
        @Schema(description = "Each changed field with its value before and after, e.g. {\"title\": {\"from\": \"…\","
                + " \"to\": \"…\"}}; absent for readers who may not see it, and when nothing was recorded")
        JsonNode changes,
        String note,
        @Schema(description = "True when a text was erased from this entry on request (GDPR art. 17)")
        boolean redacted) {

    /** How much of an entry a reader sees. */
    public enum Detail {
        /** Everything: who did it and each field's before and after. */
        FULL,
        /** Which fields changed, when, by which organisation, and the note; not the person, not the texts. */
        PUBLIC
    }

    /** The view of a stored entry; {@code zone} is the one {@code at} is shown in. */
    static HistoryEntry of(AuditEntry e, Detail detail, ZoneId zone) {
        JsonNode changes = ExactJson.readObject(e.changes);
        List<String> fields = new ArrayList<>();
        changes.fieldNames().forEachRemaining(fields::add);
        boolean full = detail == Detail.FULL;
        return new HistoryEntry(e.id, e.at.atZone(zone).toOffsetDateTime(), full ? e.actor : null, e.actorOrgId,
                e.action, fields, full && !changes.isEmpty() ? changes : null, e.note, e.redactedAt != null);
    }
}
