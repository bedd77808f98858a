package se.utfall.challenge.api;

/**
 * Data of the internal {@code se.utfall.workshop.registered.v1} and {@code registration-cancelled.v1}: the workshop
 * after the change, and the registration (which names the organisation).
 */
public record WorkshopRegisteredData(WorkshopEventData workshop, RegistrationView registration) {
}
