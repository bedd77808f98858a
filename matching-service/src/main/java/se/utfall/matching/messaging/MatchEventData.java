package se.utfall.matching.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of {@code se.utfall.match.recommended.v1} (internal): never the profile's contact person. */
public record MatchEventData(UUID needId, String needKind, UUID challengeId, String needTitle,
        String municipalityCode, UUID profileId, UUID organisationId, String profileName, double score, int rank,
        List<String> reasons, List<String> reasonsEn, Instant recommendedAt) {
}
