package se.utfall.challenge.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the internal {@code se.utfall.workshop.registered.v1} and {@code registration-cancelled.v1}: the workshop
 * after the change, and the registration (which names the organisation).
 */
public record WorkshopRegisteredData(WorkshopEventData workshop, Registration registration) {

    /** Who registered: internal topic only (the organisation is named). */
    public record Registration(UUID id, UUID workshopId, UUID organisationId, String organisationName,
            int participants, Instant registeredAt) {
    }
}
