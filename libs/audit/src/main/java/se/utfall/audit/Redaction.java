package se.utfall.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.messaging.outbox.Outbox;
import se.utfall.web.json.JsonRedaction;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Erases a text (GDPR art. 17: "Anna, 87, bor ensam vid kyrkan", published and later amended away) from a
 * subject's stored history, its children's (a response's entries under its RFI), and the retained outbox rows of
 * the aggregates the service names. Inside JSON only string values change: keys, numbers, dates and ids stay, so
 * the history reads and the events stay valid. The erasure is itself recorded, without the text.
 */
@ApplicationScoped
public class Redaction {
    /** What replaces an erased text. */
    public static final String REDACTED = "[raderat]";
    public static final String ACTION = "REDACTED";

    private static final String CANDIDATES = "((subjectType = ?1 and subjectId = ?2) or parentId = ?2)"
            + " and (position(?3 in changes) > 0 or position(?4 in coalesce(note, '')) > 0) order by id";
    private static final String UPDATE = "UPDATE audit_entry SET changes = :changes, note = :note, redacted_at = :at"
            + " WHERE id = :id";

    private final Audit audit;
    private final Outbox outbox;

    public Redaction(Audit audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
    }

    /** How many history entries and outbox rows an erasure changed. */
    public record Result(int entries, int outboxEvents) {
    }

    /**
     * In the caller's transaction, which should hold the subject's row lock (so no edit records the text again
     * meanwhile). Admins only (403 otherwise). {@code outboxAggregates}: the aggregate ids whose retained events may
     * carry the text (a challenge's own and its workshops'). Events already delivered to Kafka are not reached.
     */
    public Uni<Result> erase(Subject subject, Collection<String> outboxAggregates, String text, String reason,
            Actor actor, Instant at) {
        if (!actor.admin()) {
            return Uni.createFrom().failure(RuleViolation.forbidden("admins-only",
                    "Only a platform admin may erase text from a history"));
        }
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("nothing to erase"));
        }
        return AuditEntry.<AuditEntry>list(CANDIDATES, subject.type(), subject.id(),
                        JsonRedaction.escaped(text), text)
                .chain(entries -> {
                    Uni<Integer> changed = Uni.createFrom().item(0);
                    for (AuditEntry e : entries) {
                        String changes = JsonRedaction.replaceInStrings(e.changes, text, REDACTED);
                        String note = e.note == null ? null : e.note.replace(text, REDACTED);
                        if (changes.equals(e.changes) && Objects.equals(note, e.note)) {
                            continue; // the text was only in a key, or spans a key and a value: nothing to erase
                        }
                        changed = changed.chain(n -> Panache.getSession().chain(s -> s.createNativeQuery(UPDATE)
                                .setParameter("changes", changes).setParameter("note", note)
                                .setParameter("at", at).setParameter("id", e.id).executeUpdate())
                                .map(x -> n + 1));
                    }
                    return changed;
                })
                .chain(entries -> outbox.erase(outboxAggregates, text, REDACTED)
                        .chain(events -> audit.record(Audit.Entry.of(subject, actor, ACTION, at)
                                        .withChanges(JsonNodeFactory.instance.objectNode()
                                                .put("entries", entries).put("outboxEvents", events))
                                        .withNote(reason))
                                .replaceWith(new Result(entries, events))));
    }
}
