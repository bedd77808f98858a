package se.utfall.finance.api;

import java.util.UUID;

/** An investor as recommended for a case (to those who manage it), with why; its mandate's terms stay its own. */
public record InvestorFitView(UUID investorId, UUID organisationId, String organisationName, String name,
        FitView fit) {
}
