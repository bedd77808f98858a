package se.utfall.finance.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data of {@code se.utfall.claim.*} events (schema claim.v1, internal). */
public record ClaimEventData(UUID id, UUID caseId, String period, List<Units> units, String status, String reason,
        Instant submittedAt, Instant decidedAt, Boolean deliveredAsPlanned) {

    public record Units(UUID goalId, BigDecimal units) {
    }
}
