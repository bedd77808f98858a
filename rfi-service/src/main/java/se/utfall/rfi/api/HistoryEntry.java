package se.utfall.rfi.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(description = "One entry of the audit history: who did what, when; for the RFI's own organisation")
public record HistoryEntry(long sequence, OffsetDateTime at,
        @Schema(description = "The subject of the person (or 'scheduler')") String actor, UUID actorOrgId,
        String action,
        @Schema(description = "Each changed field with its value before and after, where recorded") JsonNode changes,
        String note) {
}
