package se.utfall.challenge.api;

/** Data of {@code se.utfall.workshop.registered.v1}: the workshop after the registration, and the registration. */
public record WorkshopRegisteredData(WorkshopView workshop, RegistrationView registration) {
}
