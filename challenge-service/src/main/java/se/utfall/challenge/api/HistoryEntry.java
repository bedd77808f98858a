package se.utfall.challenge.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One change in a challenge's history. Everyone who may read the challenge sees that fields changed, and when;
 * the buying organisations also see who did it ({@code actor}) and what the fields held before and after
 * ({@code changes}), which can contain personal text that was later amended away.
 */
public record HistoryEntry(long sequence, Instant at, String actor, UUID actorOrgId, String action,
        java.util.List<String> changedFields, JsonNode changes, String note, boolean redacted) {
}
