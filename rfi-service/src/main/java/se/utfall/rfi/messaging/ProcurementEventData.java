package se.utfall.rfi.messaging;

import se.utfall.money.Money;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A procurement's public state ({@code procurement.v1.json}): counts and money, never which supplier. */
public record ProcurementEventData(UUID id, UUID rfiId, UUID challengeId, String ocid, UUID ownerOrgId, String title,
        String status, int currentPhase, List<PhaseData> phases, Money awarded, long version,
        OffsetDateTime awardedAt) {

    public record PhaseData(int number, String name, Money budget, int maxSuppliers, OffsetDateTime opensAt,
            OffsetDateTime closesAt, int invited, int accepted, Integer continued, Money contracted,
            OffsetDateTime decidedAt) {
    }
}
