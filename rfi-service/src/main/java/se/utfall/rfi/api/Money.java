package se.utfall.rfi.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "An amount with two decimals and its currency (default SEK)")
public record Money(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) @Schema(examples = "1150000.00")
        BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like SEK") String currency) {
}
