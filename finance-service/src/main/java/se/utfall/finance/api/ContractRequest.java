package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.finance.domain.Compensation;
import se.utfall.finance.domain.PointKind;
import se.utfall.finance.domain.TerminationTrigger;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The terms the payer signs for a funded case (or varies): the rate card, the payers, the investors' return cap,
 * the base payment, the payment points, what an early termination pays, what is published, and the verifier.
 */
public record ContractRequest(
        @NotNull @Size(min = 1, max = 20) List<ScenarioRequest.@NotNull @Valid MetricPrice> metrics,
        @NotNull @Valid Money overallCap,
        @Size(max = 5) @Schema(description = "Who pays what share; the case's buyer alone when empty")
        List<ScenarioRequest.@NotNull @Valid Payer> payers,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal returnCapPercent,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4)
        @Schema(description = "The share of the overall cap paid for delivery as planned, in equal parts at the"
                + " payment points (Norrköping: 40); 0 when absent")
        BigDecimal basePaymentPercent,
        @NotNull @Size(min = 1, max = 40) @Schema(description = "The periods claims are made for, in order;"
                + " the last, and only the last, is FINAL")
        List<@NotNull @Valid Point> paymentPoints,
        @Size(max = 4) @Schema(description = "What an early termination pays for each trigger; when empty: the"
                + " principal outstanding for PAYER_CONVENIENCE and FORCE_MAJEURE, nothing otherwise")
        List<@NotNull @Valid TerminationRule> terminationRules,
        @Valid @Schema(description = "What is published; every field PUBLIC when absent") DisclosureView disclosure,
        @NotNull @Schema(description = "The independent verifier's organisation: none of the parties")
        UUID verifierOrgId) {

    /** A payment point: a period (2027, 2027-H1, 2027-Q3, 2027-03) and whether it is the final one. */
    public record Point(@NotNull @Pattern(regexp = ClaimRequest.PERIOD, message = "must be a year, 2027-Q1, 2027-H1 or"
            + " 2027-03") @Schema(examples = "2027-H1") String period, @NotNull PointKind kind) {
    }

    public record TerminationRule(@NotNull TerminationTrigger trigger, @NotNull Compensation compensation) {
    }
}
