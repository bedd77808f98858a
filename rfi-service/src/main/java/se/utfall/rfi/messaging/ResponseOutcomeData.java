package se.utfall.rfi.messaging;

import se.utfall.money.Money;


import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code se.utfall.response.shortlisted.v1} and {@code .not-shortlisted.v1} (internal,
 * {@code response-outcome.v1.json}): the respondent, consortium, cost and summary only when shortlisted; never the
 * answers, the scores or the feedback.
 */
public record ResponseOutcomeData(UUID id, UUID rfiId, UUID challengeId, UUID organisationId,
        String organisationName, String decision, OffsetDateTime decidedAt, String summary,
        List<MemberData> consortium, Money estimatedAnnualCost, BigDecimal weightedTotal) {
}
