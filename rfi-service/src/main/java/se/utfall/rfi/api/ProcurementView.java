package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.rfi.domain.ProcurementStatus;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Procurement", description = "A procurement that follows an RFI: public (as its OCDS releases)")
public record ProcurementView(UUID id, UUID rfiId, String ocid, UUID ownerOrgId, String ownerOrgName,
        List<UUID> coBuyerOrgIds, String title, String description, ProcurementStatus status, int currentPhase,
        List<PhaseView> phases, List<ProcurementContractView> contracts, long version, OffsetDateTime createdAt,
        OffsetDateTime awardedAt, String awardReasons) {
}
