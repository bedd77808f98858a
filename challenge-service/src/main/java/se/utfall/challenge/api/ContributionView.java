package se.utfall.challenge.api;

import java.time.Instant;
import java.util.UUID;

public record ContributionView(UUID id, UUID workshopId, UUID organisationId, String author, String text,
        Instant recordedAt) {
}
