package se.utfall.rfi.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A challenge's cost baseline, as its public event gives it: today's cost per period, where the period is the
 * buyer's free text ("year", "år", "month", …). Responses compare their estimated annual cost with it.
 */
public record Baseline(BigDecimal costPerPeriod, String currency, String period, int periodsPerYear,
        String description) {

    /** The baseline of a challenge's public state, when it has a cost and a period that converts to a year. */
    public static Optional<Baseline> of(JsonNode challenge) {
        JsonNode b = challenge == null ? null : challenge.path("baseline");
        if (b == null || !b.path("costPerPeriod").path("amount").isNumber()) {
            return Optional.empty();
        }
        String period = b.path("period").asText("");
        int perYear = periodsPerYear(period);
        return perYear == 0 ? Optional.empty() : Optional.of(new Baseline(
                b.path("costPerPeriod").path("amount").decimalValue().stripTrailingZeros(),
                b.path("costPerPeriod").path("currency").asText("SEK"), period, perYear,
                b.hasNonNull("description") ? b.path("description").asText() : null));
    }

    public BigDecimal perYear() {
        return costPerPeriod.multiply(BigDecimal.valueOf(periodsPerYear));
    }

    /** How many of a period make a year, in English or Swedish; 0 when unknown. */
    static int periodsPerYear(String period) {
        return switch (period.trim().toLowerCase(Locale.ROOT)) {
            case "year", "years", "yearly", "annual", "annually", "per year", "år", "årlig", "per år" -> 1;
            case "half-year", "half year", "halvår" -> 2;
            case "quarter", "quarterly", "kvartal" -> 4;
            case "month", "monthly", "månad", "månader", "per månad" -> 12;
            case "week", "weekly", "vecka", "veckor", "per vecka" -> 52;
            case "day", "daily", "dag", "dagar", "per dag" -> 365;
            default -> 0;
        };
    }
}
