package se.utfall.rfi.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventTypes;
import se.utfall.messaging.outbox.Outbox;

import java.util.UUID;

/** Events about responses: internal ({@code utfall.internal.responses.v1}), keyed by the RFI for order. */
@ApplicationScoped
public class ResponseEvents {
    private final Outbox outbox;

    public ResponseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> submitted(ResponseEventData data) {
        return append(EventTypes.RESPONSE_SUBMITTED, data);
    }

    public Uni<Void> withdrawn(ResponseEventData data) {
        return append(EventTypes.RESPONSE_WITHDRAWN, data);
    }

    /** The final decision on a response, when the evaluation is completed. */
    public Uni<Void> decided(ResponseOutcomeData data) {
        return outbox.append("SHORTLISTED".equals(data.decision()) ? EventTypes.RESPONSE_SHORTLISTED
                : EventTypes.RESPONSE_NOT_SHORTLISTED, data.rfiId().toString(), subject(data.rfiId(), data.id()),
                data).replaceWithVoid();
    }

    /** A step in a consortium's forming: {@code type} is one of the {@code se.utfall.consortium.*} types. */
    public Uni<Void> membership(String type, MembershipEventData data) {
        return outbox.append(type, data.rfiId().toString(), subject(data.rfiId(), data.responseId())
                + "/consortium/" + data.organisationId(), data).replaceWithVoid();
    }

    private Uni<Void> append(String type, ResponseEventData data) {
        return outbox.append(type, data.rfiId().toString(), subject(data.rfiId(), data.id()), data)
                .replaceWithVoid();
    }

    private static String subject(UUID rfiId, UUID responseId) {
        return "rfis/" + rfiId + "/responses/" + responseId;
    }
}
