package se.utfall.challenge.api;

import java.time.Instant;
import java.util.UUID;

/** A workshop; {@code onlineUrl} is shown to the buying organisations and registered participants only. */
public record WorkshopView(UUID id, UUID challengeId, String title, String description, Instant startsAt,
        Instant endsAt, String location, String onlineUrl, int capacity, int registeredCount, int seatsLeft,
        long version) {
}
