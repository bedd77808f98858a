package se.utfall.challenge.api;

import java.time.Instant;
import java.util.UUID;

public record RegistrationView(UUID id, UUID workshopId, UUID organisationId, String organisationName,
        int participants, Instant registeredAt) {
}
