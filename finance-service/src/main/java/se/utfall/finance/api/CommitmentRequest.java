package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import se.utfall.finance.domain.Tranche;
import se.utfall.money.Money;

/** An investor's commitment: an amount within its ticket, and its place in the waterfall. */
public record CommitmentRequest(@NotNull @Valid Money amount, @NotNull Tranche tranche) {
}
