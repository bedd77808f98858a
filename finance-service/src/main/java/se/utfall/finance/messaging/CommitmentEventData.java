package se.utfall.finance.messaging;

import se.utfall.money.Money;

import java.time.Instant;
import java.util.UUID;

/** The data of {@code se.utfall.commitment.*} events (schema commitment.v1, internal). */
public record CommitmentEventData(UUID id, UUID caseId, UUID investorOrgId, Money amount, String tranche,
        String status, Money committedTotal, Instant at) {
}
