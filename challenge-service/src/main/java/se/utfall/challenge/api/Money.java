package se.utfall.challenge.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "An amount of money: decimal, never floating point. Currency defaults to SEK.")
public record Money(
        @NotNull @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 15, fraction = 2, message = "at most 15 digits and 2 decimals")
        @Schema(examples = "1450000.00") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as SEK")
        @Schema(examples = "SEK", defaultValue = "SEK") String currency) {

    public static final String DEFAULT_CURRENCY = "SEK";

    public String currencyOrDefault() {
        return currency == null ? DEFAULT_CURRENCY : currency;
    }
}
