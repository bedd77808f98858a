package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(description = "A clarification. The public see published ones only, never who asked; the asker's"
        + " organisation and the buyer also see unanswered ones and the text as asked.")
public record ClarificationView(UUID id, UUID rfiId, Integer number, String question, String answer,
        OffsetDateTime answeredAt,
        @Schema(description = "The question as asked; for the asker and the buyer only") String askedQuestion,
        @Schema(description = "For the asker and the buyer only") OffsetDateTime askedAt,
        long version,
        @Schema(description = "The strong ETag of this version, for If-Match on the answer") String etag) {
}
