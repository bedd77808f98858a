package se.utfall.challenge.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A workshop as partners see it in events ({@code workshop.scheduled}, {@code .updated}, {@code .cancelled},
 * {@code .seats-changed}): no meeting link, which is for registered participants only. {@code seatsLeft} is the
 * seats not taken, 0 once cancelled.
 */
public record WorkshopEventData(UUID id, UUID challengeId, String title, String description, Instant startsAt,
        Instant endsAt, String location, int capacity, int registeredCount, int seatsLeft, long version,
        Instant cancelledAt, String cancellationReason) {
}
