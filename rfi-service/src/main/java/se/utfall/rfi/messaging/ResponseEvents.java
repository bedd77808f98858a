package se.utfall.rfi.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventTypes;
import se.utfall.messaging.outbox.Outbox;

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

    private Uni<Void> append(String type, ResponseEventData data) {
        return outbox.append(type, data.rfiId().toString(), "rfis/" + data.rfiId() + "/responses/" + data.id(),
                data).replaceWithVoid();
    }
}
