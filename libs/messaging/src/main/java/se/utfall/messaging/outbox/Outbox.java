package se.utfall.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventSchemas;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's current Hibernate Reactive transaction, so an event exists if
 * and only if the state change commits. Publishing is the {@link OutboxRelay}'s job.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final Clock clock;

    public Outbox(ObjectMapper mapper, OutboxConfig config) {
        this.mapper = mapper;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * Must be called within {@code Panache.withTransaction}. The record key is {@code aggregateId}, which keeps one
     * aggregate's events in one partition and in order.
     */
    public Uni<OutboxEvent> append(String topic, String type, String aggregateId, String subject, Object data) {
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
        if (config.validatePayloads()) {
            List<String> problems = EventSchemas.validate(type, tree);
            if (!problems.isEmpty()) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "payload of " + type + " does not match its schema: " + problems));
            }
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.aggregateId = aggregateId;
        event.eventType = type;
        event.source = config.source();
        event.subject = subject;
        event.occurredAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        event.payload = json;
        return event.persist();
    }
}
