package se.utfall.finance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The provider's claim: units achieved per outcome goal in a period, with references to the evidence. */
public record ClaimRequest(
        @NotBlank @Pattern(regexp = PERIOD, message = "must be a year, 2027-Q1, 2027-H1 or"
                + " 2027-03") @Schema(examples = "2027-Q1") String period,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Units> units,
        @Size(max = 2000) String evidence,
        @Schema(description = "The intervention ran as planned in the period: the base payment's part is claimed"
                + " with it") Boolean deliveredAsPlanned) {

    /** A year, a half, a quarter or a month: 2027, 2027-H1, 2027-Q3, 2027-03. */
    public static final String PERIOD = "\\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?";

    public record Units(@NotNull UUID goalId,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal units) {
    }
}
