package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(description = "Proof of what was submitted when: a SHA-256 over the canonical form of the content")
public record ReceiptView(UUID responseId, UUID rfiId, OffsetDateTime submittedAt, String sha256,
        @Schema(description = "How the hash is computed") String algorithm,
        @Schema(description = "The canonical form that was hashed, to verify it yourself") String canonicalContent,
        @Schema(description = "Whether the stored content still gives the receipt's hash") boolean matches) {
}
