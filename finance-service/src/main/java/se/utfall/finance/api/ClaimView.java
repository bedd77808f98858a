package se.utfall.finance.api;

import se.utfall.finance.domain.ClaimStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A claim as the provider, the verifier and the payer see it. */
public record ClaimView(UUID id, UUID caseId, String period, List<ClaimRequest.Units> units, String evidence,
        boolean deliveredAsPlanned, ClaimStatus status, String reason, Instant submittedAt, Instant decidedAt,
        long version) {
}
