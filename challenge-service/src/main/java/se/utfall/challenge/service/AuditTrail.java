package se.utfall.challenge.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.audit.Audit;
import se.utfall.audit.Subject;
import se.utfall.web.json.RecordDiff;
import se.utfall.web.security.Actor;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A challenge's entries in the shared audit trail (libs/audit): what counts as a change of a challenge (a
 * field-by-field diff of its view, bookkeeping aside) and the subject its entries are recorded on (a workshop's on
 * its challenge).
 */
@ApplicationScoped
public class AuditTrail {
    /** The audit subject type of a challenge. */
    static final String SUBJECT = "challenge";
    /** Bookkeeping fields that change with every write and say nothing about the content. */
    private static final Set<String> IGNORED = Set.of("version", "updatedAt", "createdAt", "municipalityName");

    private final Audit audit;
    private final RecordDiff diff;

    public AuditTrail(Audit audit, ObjectMapper mapper) {
        this.audit = audit;
        this.diff = new RecordDiff(mapper, IGNORED);
    }

    static Subject subject(UUID challengeId) {
        return Subject.of(SUBJECT, challengeId);
    }

    /**
     * field → {from, to} for every top-level field of the view that differs ({@code before} null: every field
     * with content).
     */
    public ObjectNode diff(Record before, Record after) {
        return diff.diff(before, after);
    }

    /** Whether any field a reader sees differs, bookkeeping aside (no JSON involved). */
    public boolean differs(Record before, Record after) {
        return diff.differs(before, after);
    }

    /** In the caller's transaction, with the change it describes. */
    public Uni<Void> record(UUID challengeId, Actor actor, String action, boolean publicEntry, JsonNode changes,
            String note, Instant at) {
        return audit.record(Audit.Entry.of(subject(challengeId), actor, action, at).visibleToPublic(publicEntry)
                .withChanges(changes).withNote(note));
    }
}
