package se.utfall.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.web.json.ExactJson;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Actor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit trail: records entries in the caller's transaction (with the state change they describe, so an entry
 * exists if and only if the change commits) and reads a subject's history a page at a time. Who may read which
 * history, and how much of it, is the calling service's rule.
 */
@ApplicationScoped
public class Audit {
    private static final String TALLY = "select count(a), min(a.at) from AuditEntry a where a.subjectType = :type"
            + " and a.subjectId = :id and a.action = :action and a.at > :since";

    private final ZoneId zone;

    public Audit(AuditConfig config) {
        this.zone = config.timeZone();
    }

    /**
     * What to record: {@code Entry.of(subject, actor, "AMENDED", now).visibleToPublic(true).withChanges(diff)
     * .withNote(note)}. {@code changes} is stored as exact text: build it with {@code RecordDiff} (or any tree read
     * with {@link ExactJson}), so 560000.00 stays 560000.00.
     */
    public record Entry(Subject subject, UUID parentId, Actor actor, String action, boolean publicEntry,
            JsonNode changes, String note, Instant at) {

        public Entry {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(actor.subject(), "actor.subject");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(at, "at");
            if (changes != null && !changes.isObject()) {
                throw new IllegalArgumentException("changes must be a JSON object");
            }
        }

        public static Entry of(Subject subject, Actor actor, String action, Instant at) {
            return new Entry(subject, null, actor, action, false, null, null, at);
        }

        /** The subject belongs to {@code parent} (a response to its RFI). */
        public Entry under(UUID parent) {
            return new Entry(subject, parent, actor, action, publicEntry, changes, note, at);
        }

        /** Shown to everyone who may read the subject (fields and time only; see {@link HistoryEntry.Detail}). */
        public Entry visibleToPublic(boolean visible) {
            return new Entry(subject, parentId, actor, action, visible, changes, note, at);
        }

        public Entry withChanges(JsonNode changes) {
            return new Entry(subject, parentId, actor, action, publicEntry, changes, note, at);
        }

        public Entry withNote(String note) {
            return new Entry(subject, parentId, actor, action, publicEntry, changes, note, at);
        }
    }

    /** Must be called within a transaction ({@code @WithTransaction} or {@code Panache.withTransaction}). */
    public Uni<Void> record(Entry entry) {
        AuditEntry e = new AuditEntry();
        e.subjectType = entry.subject().type();
        e.subjectId = entry.subject().id();
        e.parentId = entry.parentId();
        e.at = entry.at();
        e.actor = entry.actor().subject();
        e.actorOrgId = entry.actor().organisation();
        e.action = entry.action();
        e.publicEntry = entry.publicEntry();
        e.changes = entry.changes() == null ? "{}" : ExactJson.write(entry.changes());
        e.note = entry.note();
        return e.persist().replaceWithVoid();
    }

    /**
     * A page of the history, oldest first, as {@code detail} allows. Must be called within a session
     * ({@code @WithSession}); the caller has already decided that the reader may see this history at all.
     */
    public Uni<Page<HistoryEntry>> history(HistoryQuery query, HistoryEntry.Detail detail, PageRequest page) {
        String where = query.where();
        return AuditEntry.count(where, query.parameters()).chain(total -> AuditEntry
                .<AuditEntry>find(where + " order by id", query.parameters())
                .page(page.page, page.size).list()
                .map(list -> Page.of(list.stream().map(e -> HistoryEntry.of(e, detail, zone)).toList(), page,
                        total)));
    }

    /** How often {@code action} was recorded on a subject after {@code since}, and the oldest of those. */
    public record Tally(long count, Instant oldest) {
    }

    /** For limits counted from the trail (uploads per response per day, say). Within a session. */
    public Uni<Tally> tally(Subject subject, String action, Instant since) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(TALLY, Object[].class)
                .setParameter("type", subject.type()).setParameter("id", subject.id())
                .setParameter("action", action).setParameter("since", since)
                .getSingleResult())
                .map(row -> new Tally((Long) row[0], (Instant) row[1]));
    }
}
