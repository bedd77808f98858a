package se.utfall.challenge.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A workshop; {@code onlineUrl} is shown to the buying organisations and registered participants only. */
public record WorkshopView(UUID id, UUID challengeId, String title, String description, Instant startsAt,
        Instant endsAt, String location, String onlineUrl, int capacity, int registeredCount,
        @Schema(description = "Seats an organisation can still take: 0 when full or when registration is closed")
        int seatsLeft,
        @Schema(description = "Whether organisations can register now: not cancelled, not started, challenge open")
        boolean registrationOpen,
        @Schema(description = "Whether your organisation is registered; absent for anonymous readers")
        Boolean registered,
        Instant cancelledAt,
        String cancellationReason,
        long version,
        @Schema(description = "The strong ETag of this workshop as read (it moves with the challenge and the start),"
                + " for If-Match on a change or cancellation") String etag) {
}
