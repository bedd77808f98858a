package se.utfall.challenge.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A workshop as partners see it in events ({@code workshop.scheduled}, {@code workshop.seats-changed}): no meeting
 * link, which is for registered participants only.
 */
public record WorkshopEventData(UUID id, UUID challengeId, String title, String description, Instant startsAt,
        Instant endsAt, String location, int capacity, int registeredCount, int seatsLeft, long version) {
}
