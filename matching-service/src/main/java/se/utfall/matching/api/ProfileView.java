package se.utfall.matching.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An innovator's profile, for its organisation, buyers and coordinators. */
public record ProfileView(UUID id, UUID organisationId, String name, String type, String description,
        List<String> capabilities, List<String> sectors, List<String> regionsServed, List<String> languages,
        ContactInput contact, long version, Instant createdAt, Instant updatedAt) {
}
