package se.utfall.rfi.messaging;

import se.utfall.money.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A signed phase or award contract ({@code procurement-contract.v1.json}, internal). */
public record ProcurementContractEventData(UUID id, UUID procurementId, UUID rfiId, UUID challengeId, String ocid,
        String kind, int phase, UUID responseId, UUID organisationId, String organisationName,
        List<UUID> memberOrgIds, Money value, LocalDate startsOn, LocalDate endsOn, OffsetDateTime signedAt) {
}
