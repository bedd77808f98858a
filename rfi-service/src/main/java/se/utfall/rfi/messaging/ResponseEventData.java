package se.utfall.rfi.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code se.utfall.response.submitted.v1} and {@code .withdrawn.v1} (internal): that an organisation
 * responded, with the organisations in its consortium (ids only), never what it wrote.
 */
public record ResponseEventData(UUID id, UUID rfiId, UUID challengeId, UUID organisationId, String status,
        long version, OffsetDateTime submittedAt, OffsetDateTime withdrawnAt, String receiptSha256,
        List<UUID> consortiumOrganisationIds) {
}
