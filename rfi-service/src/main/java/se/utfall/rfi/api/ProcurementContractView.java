package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;
import se.utfall.rfi.domain.ContractKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "ProcurementContract", description = "A phase contract or the award's contract: public")
public record ProcurementContractView(UUID id, ContractKind kind, int phase, UUID participationId,
        UUID organisationId, String organisationName, Money value, LocalDate startsOn, LocalDate endsOn,
        OffsetDateTime signedAt) {
}
