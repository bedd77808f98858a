package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The terms the payer signs for a funded case: the rate card, the payers, the investors' return cap, the verifier. */
public record ContractRequest(
        @NotNull @Size(min = 1, max = 20) List<ScenarioRequest.@NotNull @Valid MetricPrice> metrics,
        @NotNull @Valid Money overallCap,
        @Size(max = 5) @Schema(description = "Who pays what share; the case's buyer alone when empty")
        List<ScenarioRequest.@NotNull @Valid Payer> payers,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal returnCapPercent,
        @NotNull @Schema(description = "The independent verifier's organisation: none of the parties")
        UUID verifierOrgId) {
}
