package se.utfall.finance.api;

import se.utfall.finance.domain.CommitmentStatus;
import se.utfall.finance.domain.Tranche;
import se.utfall.money.Money;

import java.time.Instant;
import java.util.UUID;

/** A commitment, for its investor and for those who manage the case. */
public record CommitmentView(UUID id, UUID caseId, UUID investorOrgId, Money amount, Tranche tranche,
        CommitmentStatus status, long version, Instant createdAt, Instant withdrawnAt) {
}
