package se.utfall.money;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of money: an exact decimal with two decimals (öre) and its ISO 4217 currency. At most
 * {@value #MAX_TEXT}: fifteen significant digits, so the amount survives every reader that takes a JSON number as
 * a binary double (JavaScript, the reactive PostgreSQL client's JSONB) and comes back digit for digit.
 *
 * <p>One shape everywhere, REST and events alike ({@code $defs/moneyOrNull} of the v1 event schemas):
 * {@code {"amount": 560000.00, "currency": "SEK"}} — the amount a JSON number, always with two decimals.
 *
 * <p>Two ways in:
 * <ul>
 * <li>from JSON (a request body, a stored document): the canonical constructor, which never throws. It defaults the
 * currency to SEK and writes an amount with at most two decimals with exactly two (78.5 → 78.50, 1E+3 → 1000.00),
 * without rounding; anything else stays as sent, for Bean Validation ({@code @Valid}) to refuse with the field's
 * path, together with the request's other problems (400).</li>
 * <li>from code: {@link #of} (exact; refuses what is not money) and {@link #rounded} — the one place an amount is
 * rounded to öre (half-even), used by {@link #times} for every computed amount.</li>
 * </ul>
 * A rule on a computed amount (unit cost × volume must fit) asks {@link #problem} and reports a {@code RuleViolation}
 * field problem itself; this type knows no HTTP and no service.
 */
@Schema(name = "Money", description = "An amount of money: a JSON number with exactly two decimals (öre), at most"
        + " 9999999999999.99 — read it as a decimal, never as a binary float — and its ISO 4217 currency, SEK when"
        + " not given.")
public record Money(
        @NotNull(message = "is required")
        @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must have at most 2 decimals and be at most " + Money.MAX_TEXT)
        @Schema(type = SchemaType.NUMBER, examples = "1450000.00", minimum = "0", maximum = Money.MAX_TEXT)
        BigDecimal amount,
        @Schema(implementation = String.class, pattern = "^[A-Z]{3}$", examples = "SEK", defaultValue = "SEK",
                description = "ISO 4217 currency code")
        Currency currency) {

    public static final Currency SEK = Currency.getInstance("SEK");
    public static final int SCALE = 2;
    /** How a computed amount becomes öre: half-even (banker's rounding), here and nowhere else. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    static final String MAX_TEXT = "9999999999999.99";
    public static final BigDecimal MAX = new BigDecimal(MAX_TEXT);
    /** Integer digits of {@link #MAX}. */
    private static final int INTEGER_DIGITS = 13;

    public Money {
        if (currency == null) {
            currency = SEK;
        }
        if (amount != null && fitsScale(amount)) {
            amount = amount.setScale(SCALE);
        }
    }

    /** Exactly {@code amount} (at most two decimals, 0 to {@link #MAX}); anything else is a bug of the caller. */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        problem(amount).ifPresent(p -> {
            throw new IllegalArgumentException("not an amount of money (" + amount.toPlainString() + "): " + p);
        });
        return new Money(amount, currency);
    }

    /** {@code Money.of("78.50", "SEK")}. */
    public static Money of(String amount, String currency) {
        return of(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money sek(String amount) {
        return of(new BigDecimal(amount), SEK);
    }

    /**
     * {@code amount} rounded half-even to öre: the only rounding of money. What is still not money after it
     * (negative, over {@link #MAX}) is an {@link ArithmeticException}: check a computed amount first
     * ({@link #timesFits}, {@link #problem}) where the inputs come from a client.
     */
    public static Money rounded(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (integerDigits(amount) > INTEGER_DIGITS + 1) {
            throw new ArithmeticException("not an amount of money: more than " + MAX_TEXT);
        }
        BigDecimal r = amount.setScale(SCALE, ROUNDING);
        problem(r).ifPresent(p -> {
            throw new ArithmeticException("not an amount of money (" + r.toPlainString() + "): " + p);
        });
        return new Money(r, currency);
    }

    /**
     * The amount of an entity's columns (NUMERIC(15, 2) and CHAR(3)): null when there is no amount; a currency
     * column left empty is SEK.
     */
    public static Money ofNullable(BigDecimal amount, String currency) {
        return amount == null ? null : of(amount, currency == null ? SEK : Currency.getInstance(currency.trim()));
    }

    /**
     * What another service wrote (an event's amount, possibly read back through a double: 560000.0), as money
     * when it is money; empty when it is not (more than two decimals, negative, over {@link #MAX}).
     */
    public static Optional<Money> tryOf(BigDecimal amount, Currency currency) {
        return amount == null || currency == null || problem(amount).isPresent() ? Optional.empty()
                : Optional.of(new Money(amount, currency));
    }

    /** Why {@code amount} cannot be money as it is; empty when it can. For rules on computed amounts. */
    public static Optional<String> problem(BigDecimal amount) {
        if (amount == null) {
            return Optional.of("is required");
        }
        if (amount.signum() < 0) {
            return Optional.of("must not be negative");
        }
        if (!fitsScale(amount)) {
            return Optional.of(integerDigits(amount) > INTEGER_DIGITS ? "must be at most " + MAX_TEXT
                    : "must have at most 2 decimals");
        }
        return amount.compareTo(MAX) > 0 ? Optional.of("must be at most " + MAX_TEXT) : Optional.empty();
    }

    /** This amount times {@code factor} (a volume, a number of periods), rounded to öre. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** Whether {@code amount × factor}, rounded to öre, is still money (no more than {@link #MAX}). */
    public boolean timesFits(BigDecimal factor) {
        return productFits(amount, factor);
    }

    /**
     * Whether {@code amount × factor}, rounded to öre, is money: for a rule on inputs before the product is made
     * (a unit cost times a volume must not exceed {@link #MAX}).
     */
    public static boolean productFits(BigDecimal amount, BigDecimal factor) {
        BigDecimal product = amount.multiply(factor);
        return integerDigits(product) <= INTEGER_DIGITS + 1
                && problem(product.setScale(SCALE, ROUNDING)).isEmpty();
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** Compares amounts of one currency; amounts of two currencies cannot be compared (no exchange rates here). */
    public int compareAmount(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("cannot compare " + currency + " with " + other.currency);
        }
        return amount.compareTo(other.amount);
    }

    /** "560000.00 SEK", for texts (OCDS descriptions, logs); the JSON shape is the record's. */
    public String text() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    /** At most two decimals and no more integer digits than money has (cheap even for 1E+999999999). */
    private static boolean fitsScale(BigDecimal amount) {
        if (integerDigits(amount) > INTEGER_DIGITS) {
            return false;
        }
        return amount.scale() <= SCALE || amount.stripTrailingZeros().scale() <= SCALE;
    }

    private static long integerDigits(BigDecimal amount) {
        return (long) amount.precision() - amount.scale();
    }
}
