package se.utfall.challenge.api;

import java.time.Instant;
import java.util.UUID;

/** A workshop; also the data of {@code se.utfall.workshop.scheduled.v1}. */
public record WorkshopView(UUID id, UUID challengeId, String title, String description, Instant startsAt,
        Instant endsAt, String location, String onlineUrl, int capacity, int registeredCount, int seatsLeft,
        long version) {
}
