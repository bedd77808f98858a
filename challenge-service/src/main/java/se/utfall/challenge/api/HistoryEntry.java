package se.utfall.challenge.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One change in a challenge's history; {@code actor} (the person) is shown to the owner only. */
public record HistoryEntry(long sequence, Instant at, String actor, UUID actorOrgId, String action, JsonNode changes,
        String note) {
}
