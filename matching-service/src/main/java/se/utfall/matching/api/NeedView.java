package se.utfall.matching.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A public need in the index: a published challenge or an RFI on one. */
public record NeedView(UUID id, String kind, UUID challengeId, String title, String problemStatement,
        String targetGroup, List<String> sectors, String municipalityCode, String locality, String language,
        String status, boolean open, Instant closesAt, long version, Instant updatedAt) {
}
