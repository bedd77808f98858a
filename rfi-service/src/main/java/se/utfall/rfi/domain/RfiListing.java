package se.utfall.rfi.domain;

import java.time.Instant;
import java.util.UUID;

/** An RFI as a list shows it, read in one statement without the ORM. */
public record RfiListing(UUID id, UUID challengeId, String ownerOrgName, String municipalityCode,
        String municipalityName, String challengeTitle, String title, RfiStatus status, Instant opensAt,
        Instant closesAt, long version) {
}
