package se.utfall.finance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.finance.domain.CaseStatus;
import se.utfall.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An investment case: public aggregates only (never who committed what). */
public record CaseView(UUID id, UUID challengeId, UUID rfiId, UUID responseId, String title,
        String municipalityCode, UUID buyerOrgId, UUID providerOrgId, CaseStatus status, Money capitalRequired,
        Money committed, Money remaining, int durationMonths, List<UUID> outcomeGoalIds, long version,
        Instant openedAt, Instant fundedAt,
        @Schema(description = "The procurement contract awarded to this response, when there is one (shown by"
                + " GET /cases/{id} and GET /cases; the ranked lists leave it out)")
        AwardedContractView procurementContract) {
}
