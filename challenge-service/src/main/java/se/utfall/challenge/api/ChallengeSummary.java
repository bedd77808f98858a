package se.utfall.challenge.api;

import se.utfall.money.Money;
import se.utfall.challenge.domain.ChallengeStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A challenge in a list: enough to choose which one to open. */
public record ChallengeSummary(UUID id, UUID ownerOrgId, String ownerOrgName, String title, String summary,
        String locality,
        String municipalityCode, String municipalityName, List<String> sectors, ChallengeStatus status, Money budget,
        long version, Instant publishedAt, Instant updatedAt) {
}
