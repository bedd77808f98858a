package se.utfall.rfi.domain;

import com.fasterxml.jackson.databind.JsonNode;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * A challenge's cost baseline, as its public event gives it: today's cost per period, where the period is the
 * buyer's free text ("year", "år", "month", …). Responses compare their estimated annual cost with it.
 *
 * <p>The event's amount may arrive here through a double: {@code known_challenge.public_data} is JSONB, which the
 * reactive client decodes into doubles (560000.00 reads 560000.0). {@link Money#tryOf} writes it with two decimals
 * again, exactly, because money has at most fifteen significant digits.
 */
public record Baseline(Money costPerPeriod, String period, int periodsPerYear, String description) {

    /** The baseline of a challenge's public state, when it has a cost and a period that converts to a year. */
    public static Optional<Baseline> of(JsonNode challenge) {
        JsonNode b = challenge == null ? null : challenge.path("baseline");
        if (b == null || !b.path("costPerPeriod").path("amount").isNumber()) {
            return Optional.empty();
        }
        String period = b.path("period").asText("");
        int perYear = periodsPerYear(period);
        if (perYear == 0) {
            return Optional.empty();
        }
        return money(b.path("costPerPeriod")).map(cost -> new Baseline(cost, period, perYear,
                b.hasNonNull("description") ? b.path("description").asText() : null));
    }

    /**
     * An event's {@code {"amount": …, "currency": …}} as money (currency SEK when absent), when it is money; also
     * for the challenge's budget (OCDS planning).
     */
    public static Optional<Money> money(JsonNode node) {
        if (node == null || !node.path("amount").isNumber()) {
            return Optional.empty();
        }
        return currency(node.path("currency").asText("SEK"))
                .flatMap(c -> Money.tryOf(node.path("amount").decimalValue(), c));
    }

    /** The cost per year, rounded to öre; empty when a year of it is more than money can hold. */
    public Optional<Money> perYear() {
        BigDecimal periods = BigDecimal.valueOf(periodsPerYear);
        return costPerPeriod.timesFits(periods) ? Optional.of(costPerPeriod.times(periods)) : Optional.empty();
    }

    private static Optional<Currency> currency(String code) {
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
