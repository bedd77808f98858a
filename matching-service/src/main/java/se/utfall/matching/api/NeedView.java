package se.utfall.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A public need in the index: a published challenge or an RFI on one. */
public record NeedView(UUID id, String kind, UUID challengeId, String title, String problemStatement,
        String targetGroup, List<String> sectors,
        @Schema(description = "The buying organisation's name, for display") String buyerName,
        String municipalityCode,
        @Schema(description = "The municipality's name, for display (null for an RFI whose own event does not"
                + " name it; its challenge's need does)") String municipalityName,
        String locality, String language,
        String status, boolean open, Instant closesAt, long version, Instant updatedAt) {
}
