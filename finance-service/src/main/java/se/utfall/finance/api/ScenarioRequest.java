package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A draft rate card and outcome paths to play through it before a contract is signed. */
public record ScenarioRequest(
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid MetricPrice> metrics,
        @NotNull @Valid @Schema(description = "The most the contract pays in all") Money overallCap,
        @Size(max = 5) @Schema(description = "Who pays what share; the case's buyer alone when empty")
        List<@NotNull @Valid Payer> payers,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4)
        @Schema(description = "The most an investor earns over its principal, in percent (Norrköping: 20)")
        BigDecimal returnCapPercent,
        @NotNull @Size(min = 1, max = 3) List<@NotNull @Valid Path> paths) {

    /** A price per verified unit of an outcome goal, its cap, and the units below which nothing is paid. */
    public record MetricPrice(@NotNull UUID goalId, @NotNull @Valid Money pricePerUnit, @NotNull @Valid Money cap,
            @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal minimumUnits) {
    }

    /** A payer, its share (any positive weight) and its cap. */
    public record Payer(@NotNull UUID organisationId, @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 6, fraction = 6) BigDecimal share, @NotNull @Valid Money cap) {
    }

    /** An outcome path: per period, the verified units per metric in the order of {@code metrics}. */
    public record Path(@NotBlank @Size(max = 40) @Schema(examples = "expected") String name,
            @NotNull @Size(min = 1, max = 120)
            List<@NotNull @Size(min = 1, max = 20) List<@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4)
                    BigDecimal>> unitsPerPeriod) {
    }
}
