package se.utfall.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventSchemas;
import se.utfall.web.json.JsonRedaction;
import se.utfall.web.problem.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's current Hibernate Reactive transaction, so an event exists if
 * and only if the state change commits. Publishing is the {@link OutboxRelay}'s job.
 *
 * <p>The topic is the catalogue's, never the caller's: a type's audience (public or internal) decides where it
 * goes. Each append first takes a transaction-scoped advisory lock on its aggregate, so two transactions that
 * append to one aggregate commit its events in id order, whether or not they also update a row of it.
 */
@ApplicationScoped
public class Outbox {
    /**
     * Run with {@code executeUpdate}, not as a selection: Hibernate caches a native selection's plan under a key
     * that never matches again (its result mapping never equals a later query's), so every call added an entry with the
     * same hash to the plan cache, and each later call scanned all of them (10 % of a write's CPU, growing with
     * the cache). Non-selection plans are keyed by the SQL alone.
     */
    private static final String LOCK_AGGREGATE = "SELECT pg_advisory_xact_lock(hashtextextended(:aggregate, 7001))";
    /** Rows of the aggregates that may hold a text; locked, so the relay neither sends nor purges them meanwhile. */
    private static final String ERASE_CANDIDATES = "SELECT id, payload FROM outbox_event"
            + " WHERE aggregate_id = ANY (CAST(:ids AS text[])) AND strpos(payload, :text) > 0"
            + " ORDER BY id FOR UPDATE";
    private static final String ERASE = "UPDATE outbox_event SET payload = :payload WHERE id = :id";

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final Clock clock;

    public Outbox(ObjectMapper mapper, OutboxConfig config, Clock clock) {
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Must be called within {@code Panache.withTransaction}. The record key is {@code aggregateId}, which keeps one
     * aggregate's events in one partition and in order. Fails, writing nothing, when the type is not in the
     * catalogue, the payload breaks its schema (a bug: 500) or is larger than the configured cap (413: the
     * change is too large to announce, and so is not made).
     */
    public Uni<OutboxEvent> append(String type, String aggregateId, String subject, Object data) {
        if (!EventSchemas.isKnown(type)) {
            return Uni.createFrom().failure(new IllegalArgumentException("event type not in the catalogue: " + type));
        }
        // Serialized straight from the object, as the REST layer does: a tree would re-scale decimals (5840 → 5.84E+3).
        String json;
        JsonNode tree;
        try {
            json = mapper.writeValueAsString(data);
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxPayloadBytes()) {
            return Uni.createFrom().failure(RuleViolation.tooLarge("event-too-large",
                    "The change would make a " + type + " event of " + bytes + " bytes; at most "
                            + config.maxPayloadBytes() + " can be published. Shorten the texts."));
        }
        if (config.validatePayloads()) {
            List<String> problems = EventSchemas.validate(type, tree);
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "payload of " + type + " does not match its schema: " + problems));
            }
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = EventSchemas.topicOf(type);
        event.aggregateId = aggregateId;
        event.eventType = type;
        event.source = config.source();
        event.subject = subject;
        event.occurredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        event.payload = json;
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(LOCK_AGGREGATE).setParameter("aggregate", aggregateId)
                        .executeUpdate())
                .chain(locked -> event.persist());
    }

    /**
     * The retained rows of these aggregates (sent or not; not yet purged by retention), with {@code text} replaced
     * by {@code replacement} inside their string values only, so every event stays valid under its schema (keys,
     * numbers as written, dates and ids stay). In the caller's transaction; an unsent row is then relayed as
     * erased. Events already delivered to Kafka are not reached (the public topics are compacted, see
     * docs/operations.md). Answers the number of rows changed.
     *
     * <p>For erasure requests (GDPR art. 17), which are rare: the selection goes through the session (it must lock
     * the rows in the caller's transaction), so each call adds one entry to Hibernate's plan cache.
     */
    public Uni<Integer> erase(Collection<String> aggregateIds, String text, String replacement) {
        if (aggregateIds.isEmpty() || text == null || text.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(ERASE_CANDIDATES, Object[].class)
                .setParameter("ids", aggregateIds.toArray(String[]::new))
                .setParameter("text", JsonRedaction.escaped(text))
                .getResultList()
                .chain(rows -> {
                    Uni<Integer> changed = Uni.createFrom().item(0);
                    for (Object[] row : rows) {
                        String payload = (String) row[1];
                        String erased = JsonRedaction.replaceInStrings(payload, text, replacement);
                        if (erased.equals(payload)) {
                            continue;
                        }
                        changed = changed.chain(n -> s.createNativeQuery(ERASE)
                                .setParameter("payload", erased).setParameter("id", row[0]).executeUpdate()
                                .map(x -> n + 1));
                    }
                    return changed;
                }));
    }
}
