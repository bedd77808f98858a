package se.utfall.finance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "AwardedContract", description = "The procurement contract awarded to the case's response after the"
        + " procurement's last phase (rfi-service); its OCDS release carries the same contract id")
public record AwardedContractView(UUID contractId, UUID procurementId, String ocid, Money value, LocalDate startsOn,
        LocalDate endsOn, Instant signedAt) {
}
