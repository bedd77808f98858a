package se.utfall.finance.messaging;

import se.utfall.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of {@code se.utfall.contract.terminated.v1} (schema contract-termination.v1, public): the trigger, the
 * last day and what the payers paid for it (null when payments are not published). Never the reason's text.
 */
public record TerminationEventData(UUID id, UUID caseId, String trigger, LocalDate effectiveOn, String compensation,
        Money paid, Instant terminatedAt) {
}
