package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.UUID;

/** A line of the savings ledger: an outcome goal's cost without and with the new solution in a payment period. */
public record SavingsRequest(
        @NotNull UUID goalId,
        @NotNull @Pattern(regexp = ClaimRequest.PERIOD, message = "must be a year, 2027-Q1, 2027-H1 or 2027-03")
        String period,
        @NotNull @Valid @Schema(description = "What the need would have cost without the new solution (the"
                + " counterfactual)") Money baselineCost,
        @NotNull @Valid @Schema(description = "What it cost with the new solution, the provider's price included")
        Money actualCost,
        @NotBlank @Size(max = 500) @Schema(description = "How the counterfactual was set (historical comparison,"
                + " matched comparison group, …)") String method,
        @NotBlank @Size(max = 500) @Schema(description = "Where the figures come from") String source,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(description = "The share that would have happened"
                + " anyway, in percent") BigDecimal deadweightPercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(description = "The share due to the intervention, in"
                + " percent") BigDecimal attributionPercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(description = "The share that leaves a budget (the"
                + " rest is capacity freed), in percent") BigDecimal cashablePercent,
        @NotBlank @Size(max = 200) @Schema(description = "Whose budget the savings land in (e.g. Region Skåne,"
                + " hälso- och sjukvård)") String budgetHolder) {
}
