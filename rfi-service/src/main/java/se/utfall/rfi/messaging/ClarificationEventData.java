package se.utfall.rfi.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The data of {@code se.utfall.clarification.answered.v1}: the published question and answer, not the asker. */
public record ClarificationEventData(UUID id, UUID rfiId, int number, String question, String answer,
        OffsetDateTime answeredAt, long version) {
}
