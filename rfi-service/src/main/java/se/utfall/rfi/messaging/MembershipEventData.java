package se.utfall.rfi.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The data of {@code se.utfall.consortium.*} events (schema {@code consortium-membership.v1.json}): ids only. */
public record MembershipEventData(UUID id, UUID responseId, UUID rfiId, UUID challengeId, UUID leadOrganisationId,
        UUID organisationId, String status, OffsetDateTime invitedAt, OffsetDateTime answeredAt,
        OffsetDateTime endedAt, long version) {
}
