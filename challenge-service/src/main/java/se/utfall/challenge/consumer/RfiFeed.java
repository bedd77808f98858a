package se.utfall.challenge.consumer;

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
import se.utfall.web.problem.RuleViolation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The process trail follows the RFIs of a challenge (rfi-service's public events, through the inbox: once each):
 * an RFI that opened starts the RFI phase on that day, one that closed or was evaluated ends it no earlier than its
 * close. Other types and unknown challenges change nothing.
 */
@ApplicationScoped
public class RfiFeed {
    static final String CONSUMER = "challenge-service.rfis";
    private static final Set<String> RFI_TYPES = Set.of(EventTypes.RFI_PUBLISHED, EventTypes.RFI_OPENED,
            EventTypes.RFI_CLOSED, EventTypes.RFI_AMENDED, EventTypes.RFI_CANCELLED, EventTypes.RFI_EVALUATED);

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
        if (!RFI_TYPES.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        // Every RFI event carries the RFI's state, opening and closing times included: on the compacted topic a
        // new consumer may see only an RFI's newest event (amended, cancelled, evaluated), and still learns both.
        JsonNode d = event.data();
        LocalDate opened = day(d, "openedAt");
        LocalDate closed = day(d, "closedAt");
        if (opened == null && closed == null) {
            return Uni.createFrom().voidItem();
        }
        return challenges.recordProgress(challengeOf(d), Phase.RFI, opened, closed,
                closed != null ? "An RFI closed" : "An RFI opened")
                .onFailure(RfiFeed::permanent).transform(e -> new PoisonEventException(
                        "the challenge cannot record this RFI's progress: " + e.getMessage()));
    }

    /**
     * A refusal that would come again on every retry (the challenge's event too large, a rule broken): dead-lettered
     * with its reason instead of holding up the partition. Anything else (the database away, a concurrent change)
     * is retried by the inbox.
     */
    private static boolean permanent(Throwable e) {
        // A stored amount the money rules refuse (IllegalArgument, Arithmetic) does not get better by retrying.
        return e instanceof RuleViolation v && v.kind() != RuleViolation.Kind.STALE
                && v.kind() != RuleViolation.Kind.NOT_YET_KNOWN || e instanceof IllegalStateException
                || e instanceof IllegalArgumentException || e instanceof ArithmeticException;
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
