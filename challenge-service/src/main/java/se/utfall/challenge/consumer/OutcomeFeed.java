package se.utfall.challenge.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.challenge.service.OutcomeResults;
import se.utfall.events.CloudEvent;
import se.utfall.events.EventTypes;
import se.utfall.messaging.inbox.Inbox;
import se.utfall.messaging.inbox.PoisonEventException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A challenge's goals learn their measured results from finance-service's public {@code outcome.verified} events
 * (through the inbox: once each). Other finance events are ignored; an event whose ids or numbers cannot be read
 * will not get better by retrying and goes to the dead-letter topic.
 */
@ApplicationScoped
public class OutcomeFeed {
    static final String CONSUMER = "challenge-service.outcomes";

    private final Inbox inbox;
    private final OutcomeResults results;

    public OutcomeFeed(Inbox inbox, OutcomeResults results) {
        this.inbox = inbox;
        this.results = results;
    }

    @Incoming("outcomes")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.handle(CONSUMER, record, this::apply);
    }

    Uni<Void> apply(CloudEvent event) {
        if (!EventTypes.OUTCOME_VERIFIED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode d = event.data();
        UUID caseId = uuid(d, "caseId");
        UUID challengeId = uuid(d, "challengeId");
        String period = d.path("period").asText();
        Instant at = instant(d.path("verifiedAt").asText());
        Uni<Void> all = Uni.createFrom().voidItem();
        for (JsonNode r : d.path("results")) {
            if (!r.path("units").isNumber() || !fits(r.path("units").decimalValue())) {
                throw new PoisonEventException("results[].units is not a number of at most 16 digits and 4"
                        + " decimals: " + r.path("units"));
            }
            UUID goal = uuid(r, "goalId");
            all = all.chain(() -> results.record(caseId, challengeId, period, goal, r.path("units").decimalValue(),
                    at));
        }
        return all;
    }

    /** What goal_result.units (NUMERIC(20, 4)) holds; anything else would fail the same way on every retry. */
    private static boolean fits(BigDecimal units) {
        return units.signum() >= 0 && units.scale() <= 4 && units.precision() - units.scale() <= 16;
    }

    private static UUID uuid(JsonNode d, String field) {
        try {
            return UUID.fromString(d.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID: " + d.path(field));
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("verifiedAt is not a date-time: " + value);
        }
    }
}
