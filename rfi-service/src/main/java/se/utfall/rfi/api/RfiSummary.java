package se.utfall.rfi.api;

import se.utfall.rfi.domain.RfiStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An RFI in a list. */
public record RfiSummary(UUID id, UUID challengeId, String ownerOrgName, String municipalityCode,
        String municipalityName, String challengeTitle, String title,
        RfiStatus status, OffsetDateTime opensAt, OffsetDateTime closesAt, LocalDate lastDay, long version) {
}
