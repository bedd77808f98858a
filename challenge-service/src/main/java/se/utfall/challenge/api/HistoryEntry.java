package se.utfall.challenge.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change in a challenge's history. Everyone who may read the challenge sees that fields changed, and when;
 * the buying organisations also see who did it ({@code actor}) and what the fields held before and after
 * ({@code changes}), which can contain personal text that was later amended away.
 */
public record HistoryEntry(long sequence, Instant at, String actor, UUID actorOrgId, String action,
        List<String> changedFields,
        @Schema(description = "For the buying organisations: each changed field with its"
                + " value before and after, e.g. {\"title\": {\"from\": \"…\", \"to\": \"…\"}}; absent for others")
        JsonNode changes,
        String note, boolean redacted) {
}
