package se.utfall.rfi.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventTypes;
import se.utfall.messaging.outbox.Outbox;

/**
 * The events this service publishes about RFIs, written to the outbox in the caller's transaction; all go to the
 * public {@code utfall.rfis.v1} with the RFI's public state only.
 */
@ApplicationScoped
public class RfiEvents {
    private final Outbox outbox;

    public RfiEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> published(RfiEventData data) {
        return append(EventTypes.RFI_PUBLISHED, data);
    }

    public Uni<Void> opened(RfiEventData data) {
        return append(EventTypes.RFI_OPENED, data);
    }

    public Uni<Void> closed(RfiEventData data) {
        return append(EventTypes.RFI_CLOSED, data);
    }

    public Uni<Void> amended(RfiEventData data) {
        return append(EventTypes.RFI_AMENDED, data);
    }

    public Uni<Void> cancelled(RfiEventData data) {
        return append(EventTypes.RFI_CANCELLED, data);
    }

    public Uni<Void> evaluated(RfiEventData data) {
        return append(EventTypes.RFI_EVALUATED, data);
    }

    /**
     * A clarification's answer, published to everyone; keyed by the clarification: {@code utfall.rfis.v1} is
     * compacted, and keyed by the RFI the answer would evict the RFI's own newest state (a rebuild from the topic
     * would lose the RFI). The data names the RFI.
     */
    public Uni<Void> clarificationAnswered(ClarificationEventData data) {
        return outbox.append(EventTypes.CLARIFICATION_ANSWERED, data.id().toString(),
                "rfis/" + data.rfiId() + "/clarifications/" + data.id(), data).replaceWithVoid();
    }

    private Uni<Void> append(String type, RfiEventData data) {
        return outbox.append(type, data.id().toString(), "rfis/" + data.id(), data).replaceWithVoid();
    }
}
