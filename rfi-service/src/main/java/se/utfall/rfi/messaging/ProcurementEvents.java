package se.utfall.rfi.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventTypes;
import se.utfall.messaging.outbox.Outbox;

/**
 * Events about procurements, written to the outbox in the caller's transaction: the public state on
 * {@code utfall.rfis.v1} keyed by the procurement (the topic is compacted: keyed by the RFI, a procurement event
 * would evict the RFI's own newest state), signed contracts (with the supplier) on the internal responses topic,
 * keyed by the RFI like the responses.
 */
@ApplicationScoped
public class ProcurementEvents {
    private final Outbox outbox;

    public ProcurementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> started(ProcurementEventData data) {
        return append(EventTypes.PROCUREMENT_STARTED, data);
    }

    public Uni<Void> gateDecided(ProcurementEventData data) {
        return append(EventTypes.PROCUREMENT_GATE_DECIDED, data);
    }

    public Uni<Void> awarded(ProcurementEventData data) {
        return append(EventTypes.PROCUREMENT_AWARDED, data);
    }

    public Uni<Void> contractSigned(ProcurementContractEventData data) {
        return outbox.append(EventTypes.PROCUREMENT_CONTRACT_SIGNED, data.rfiId().toString(),
                "rfis/" + data.rfiId() + "/procurement/contracts/" + data.id(), data).replaceWithVoid();
    }

    private Uni<Void> append(String type, ProcurementEventData data) {
        return outbox.append(type, data.id().toString(), "procurements/" + data.id(), data).replaceWithVoid();
    }
}
