package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.MembershipStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(description = "An organisation's place in a response's consortium: invited, accepted (a member), declined,"
        + " left or removed")
public record MembershipView(
        UUID id,
        UUID responseId,
        UUID rfiId,
        @Schema(description = "The RFI's title, for an invitation list") String rfiTitle,
        @Schema(description = "The responding organisation, which leads the consortium") UUID leadOrganisationId,
        @Schema(description = "The lead's display name") String leadOrganisationName,
        UUID organisationId,
        @Schema(description = "The member's name as the lead gave it") String name,
        String role,
        MembershipStatus status,
        OffsetDateTime invitedAt,
        OffsetDateTime answeredAt,
        OffsetDateTime endedAt,
        @Schema(description = "The version") long version,
        @Schema(description = "The strong ETag, for If-Match on accept, decline, leave and remove") String etag) {
}
