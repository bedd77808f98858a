package se.utfall.rfi.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.audit.Audit;
import se.utfall.audit.HistoryEntry;
import se.utfall.audit.HistoryQuery;
import se.utfall.audit.Subject;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * rfi-service's entries in the shared audit trail (libs/audit): an RFI's own entries, and each response's under
 * its RFI. Who may read which history is {@link HistoryService}'s rule.
 */
@ApplicationScoped
public class RfiAudit {
    public static final String RFI = "rfi";
    public static final String RESPONSE = "response";
    /** The scheduler opens and closes RFIs by time; no person, no organisation. */
    static final Actor SCHEDULER = new Actor("scheduler", null, false);

    private final Audit audit;

    public RfiAudit(Audit audit) {
        this.audit = audit;
    }

    public static Subject rfi(UUID id) {
        return Subject.of(RFI, id);
    }

    public static Subject response(UUID id) {
        return Subject.of(RESPONSE, id);
    }

    /** An entry about an RFI ({@code responseId} null) or one of its responses, in the caller's transaction. */
    public Uni<Void> record(UUID rfiId, UUID responseId, Actor actor, String action, JsonNode changes, String note,
            Instant at) {
        Audit.Entry entry = responseId == null ? Audit.Entry.of(rfi(rfiId), actor, action, at)
                : Audit.Entry.of(response(responseId), actor, action, at).under(rfiId);
        return audit.record(entry.withChanges(changes).withNote(note));
    }

    /** Every reader of these histories sees all of an entry it may read (who did it, what changed). */
    Uni<Page<HistoryEntry>> history(HistoryQuery query, PageRequest page) {
        return audit.history(query, HistoryEntry.Detail.FULL, page);
    }

    /** How often {@code action} was recorded on a response since {@code since}, for limits. Within a session. */
    Uni<Audit.Tally> tally(UUID responseId, String action, Instant since) {
        return audit.tally(response(responseId), action, since);
    }
}
