package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.RfiStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "An RFI. Times carry the offset of Swedish time at that instant; the window is half-open:"
        + " responses are accepted from opensAt and strictly before closesAt.")
public record RfiView(
        UUID id,
        UUID challengeId,
        UUID ownerOrgId,
        String ownerOrgName,
        String municipalityCode,
        @Schema(description = "The municipality's name, for display") String municipalityName,
        @Schema(description = "The title of the challenge the RFI asks about, for display") String challengeTitle,
        String title,
        String description,
        List<QuestionView> questions,
        List<CriterionView> criteria,
        OffsetDateTime opensAt,
        OffsetDateTime closesAt,
        @Schema(description = "The time zone the window's days are counted in", examples = "Europe/Stockholm")
        String timeZone,
        @Schema(description = "The first day of the window, in that time zone") LocalDate firstDay,
        @Schema(description = "The last day on which responses are accepted, in that time zone") LocalDate lastDay,
        RfiStatus status,
        @Schema(description = "Whether a response can be submitted now") boolean acceptingResponses,
        @Schema(description = "How many amendments were published") int amendments,
        String cancellationReason,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime publishedAt,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt,
        OffsetDateTime cancelledAt,
        OffsetDateTime evaluatedAt) {
}
