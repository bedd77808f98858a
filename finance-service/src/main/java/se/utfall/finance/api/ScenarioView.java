package se.utfall.finance.api;

import se.utfall.finance.domain.Tranche;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Every party's cash position under each outcome path. */
public record ScenarioView(UUID caseId, List<PathResult> paths) {

    /** One path: what was paid, by whom, to each investor and to the provider. */
    public record PathResult(String name, Money paid, List<PayerAmount> payers, List<InvestorResult> investors,
            Money toProvider) {
    }

    public record PayerAmount(UUID organisationId, Money paid) {
    }

    /** An investor's commitment under the path: back in principal and return, and the multiple (back ÷ in). */
    public record InvestorResult(UUID organisationId, Tranche tranche, Money committed, Money principalBack,
            Money returnBack, BigDecimal multiple) {
    }
}
