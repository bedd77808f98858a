package se.utfall.finance.messaging;

import se.utfall.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of {@code se.utfall.case.*} events (schema investment-case.v1, public): aggregates only. */
public record CaseEventData(UUID id, UUID challengeId, UUID rfiId, UUID responseId, String title,
        String municipalityCode, String status, Money capitalRequired, Money committed, int durationMonths,
        List<UUID> outcomeGoalIds, long version, Instant openedAt, Instant fundedAt) {
}
