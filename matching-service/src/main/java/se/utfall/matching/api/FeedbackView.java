package se.utfall.matching.api;

import java.time.Instant;
import java.util.UUID;

/** A buyer organisation's judgement of a recommendation, with the score and rank it had then. */
public record FeedbackView(UUID needId, UUID profileId, boolean useful, String comment, Double score, Integer rank,
        Instant updatedAt, long version) {
}
