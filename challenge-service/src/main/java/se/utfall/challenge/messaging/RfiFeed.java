package se.utfall.challenge.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.challenge.domain.ChallengeAggregate;
import se.utfall.challenge.domain.Phase;
import se.utfall.challenge.service.ChallengeService;
import se.utfall.events.CloudEvent;
import se.utfall.events.EventTypes;
import se.utfall.messaging.inbox.Inbox;
import se.utfall.messaging.inbox.PoisonEventException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The process trail follows the RFIs of a challenge (rfi-service's public events, through the inbox: once each):
 * an RFI that opened starts the RFI phase on that day, one that closed or was evaluated ends it no earlier than its
 * close. Other types and unknown challenges change nothing.
 */
@ApplicationScoped
public class RfiFeed {
    static final String CONSUMER = "challenge-service.rfis";

    private final Inbox inbox;
    private final ChallengeService challenges;

    public RfiFeed(Inbox inbox, ChallengeService challenges) {
        this.inbox = inbox;
        this.challenges = challenges;
    }

    @Incoming("rfis")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.handle(CONSUMER, record, this::apply);
    }

    Uni<Void> apply(CloudEvent event) {
        JsonNode d = event.data();
        return switch (event.type()) {
            case EventTypes.RFI_OPENED -> challenges.recordProgress(challengeOf(d), Phase.RFI,
                    day(d, "openedAt"), null, "An RFI opened");
            case EventTypes.RFI_CLOSED, EventTypes.RFI_EVALUATED -> challenges.recordProgress(challengeOf(d),
                    Phase.RFI, day(d, "openedAt"), day(d, "closedAt"), "An RFI closed");
            default -> Uni.createFrom().voidItem();
        };
    }

    private static UUID challengeOf(JsonNode d) {
        try {
            return UUID.fromString(d.path("challengeId").asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("challengeId is not a UUID: " + d.path("challengeId"));
        }
    }

    /** The Swedish calendar day of a time in the event; null when the event has none. */
    private static LocalDate day(JsonNode d, String field) {
        if (!d.path(field).isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(d.path(field).asText()).atZoneSameInstant(ChallengeAggregate.SWEDEN)
                    .toLocalDate();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date-time: " + d.path(field));
        }
    }
}
