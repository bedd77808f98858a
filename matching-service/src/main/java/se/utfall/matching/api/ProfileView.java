package se.utfall.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An innovator's profile, for its organisation, buyers and coordinators. */
public record ProfileView(UUID id, UUID organisationId,
        @Schema(description = "The organisation's name as its identity provider gives it: the name Utfall shows for"
                + " the organisation everywhere") String organisationName,
        @Schema(description = "The profile's own name, as the organisation presents itself here") String name,
        String type, String description,
        List<String> capabilities, List<String> sectors, List<String> regionsServed, List<String> languages,
        ContactInput contact, long version, Instant createdAt, Instant updatedAt) {
}
