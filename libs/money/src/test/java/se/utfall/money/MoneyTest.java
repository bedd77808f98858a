package se.utfall.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ValidatorFactory VALIDATION = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static List<String> problems(Money m) {
        Set<ConstraintViolation<Money>> found = VALIDATOR.validate(m);
        return found.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList();
    }

    @Test
    void anAmountAlwaysHasTwoDecimalsWithoutRounding() {
        assertThat(Money.sek("78.5").amount()).hasToString("78.50");
        assertThat(Money.sek("560000").amount()).hasToString("560000.00");
        assertThat(Money.sek("1E+3").amount()).hasToString("1000.00");
        assertThat(Money.sek("82.000").amount()).hasToString("82.00");
        assertThat(Money.sek("0").amount()).hasToString("0.00");
        assertThat(Money.sek("560000.00")).isEqualTo(Money.sek("560000"));
    }

    @Test
    void codeCannotMakeMoneyThatIsNot() {
        assertThatThrownBy(() -> Money.sek("82.005")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Money.sek("-1")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Money.sek("10000000000000.00")).hasMessageContaining("at most 9999999999999.99");
        assertThat(Money.sek("9999999999999.99").amount()).isEqualByComparingTo(Money.MAX);
        assertThatThrownBy(() -> Money.of(new BigDecimal("1"), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void computedAmountsAreRoundedHalfEvenToOreInOnePlace() {
        Currency sek = Money.SEK;
        assertThat(Money.rounded(new BigDecimal("0.125"), sek).amount()).hasToString("0.12");
        assertThat(Money.rounded(new BigDecimal("0.135"), sek).amount()).hasToString("0.14");
        assertThat(Money.rounded(new BigDecimal("2.5"), sek).amount()).hasToString("2.50");
        // 78.50 SEK a portion, 5840 portions a year.
        assertThat(Money.sek("78.50").times(new BigDecimal("5840")).amount()).hasToString("458440.00");
        // 1 000 000 a year is 83 333.33 a month, and twelve of those are not quite it again: rounding is visible.
        assertThat(Money.rounded(new BigDecimal("1000000").divide(new BigDecimal("12"), 10,
                Money.ROUNDING), sek).times(12).amount()).hasToString("999999.96");
    }

    @Test
    void aProductThatIsNoLongerMoneyIsRefusedNotTruncated() {
        Money max = Money.sek("9999999999999.99");
        assertThat(max.timesFits(new BigDecimal("365"))).isFalse();
        assertThatThrownBy(() -> max.times(365)).isInstanceOf(ArithmeticException.class);
        assertThat(Money.sek("1200000.00").timesFits(new BigDecimal("10"))).isTrue();
        assertThatThrownBy(() -> Money.rounded(new BigDecimal("9999999999999.995"), Money.SEK))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void fifteenSignificantDigitsSurviveAReaderThatUsesDoubles() {
        for (String s : List.of("9999999999999.99", "1234567890123.45", "0.01", "78.50", "458440.00",
                "12000000.00", "560000.00", "8765432109876.54")) {
            double asReadByJavaScript = Double.parseDouble(s);
            Money back = Money.tryOf(BigDecimal.valueOf(asReadByJavaScript), Money.SEK).orElseThrow();
            assertThat(back.amount()).as(s).hasToString(new BigDecimal(s).setScale(2).toPlainString());
        }
        // What the old limit allowed does not: 999999999999999.99 reads back as 1.0E15.
        assertThat(BigDecimal.valueOf(Double.parseDouble("999999999999999.99"))).isNotEqualByComparingTo(
                new BigDecimal("999999999999999.99"));
    }

    @Test
    void jsonIsAlwaysANumberWithTwoDecimalsAndACurrencyCode() throws Exception {
        assertThat(JSON.writeValueAsString(Money.sek("560000")))
                .isEqualTo("{\"amount\":560000.00,\"currency\":\"SEK\"}");
        assertThat(JSON.writeValueAsString(Money.of("0.5", "EUR"))).isEqualTo("{\"amount\":0.50,\"currency\":\"EUR\"}");
        // However the client wrote it.
        for (String body : List.of("{\"amount\":560000}", "{\"amount\":560000.0,\"currency\":\"SEK\"}",
                "{\"amount\":\"560000.00\",\"currency\":\"SEK\"}", "{\"amount\":5.6E+5}")) {
            Money m = JSON.readValue(body, Money.class);
            assertThat(JSON.writeValueAsString(m)).as(body).isEqualTo("{\"amount\":560000.00,\"currency\":\"SEK\"}");
        }
        JsonNode node = JSON.valueToTree(Money.sek("1"));
        assertThat(node.fieldNames()).toIterable().containsExactly("amount", "currency");
    }

    @Test
    void aCurrencyIsAnIso4217Code() {
        assertThatThrownBy(() -> JSON.readValue("{\"amount\":1,\"currency\":\"sek\"}", Money.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> JSON.readValue("{\"amount\":1,\"currency\":\"ABC\"}", Money.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void aRequestBodyIsValidatedWithEveryProblemNamed() throws Exception {
        assertThat(problems(JSON.readValue("{\"amount\":78.50}", Money.class))).isEmpty();
        assertThat(problems(JSON.readValue("{\"amount\":82.005}", Money.class)))
                .containsExactly("amount must have at most 2 decimals and be at most 9999999999999.99");
        assertThat(problems(JSON.readValue("{\"amount\":10000000000000}", Money.class)))
                .containsExactly("amount must have at most 2 decimals and be at most 9999999999999.99");
        assertThat(problems(JSON.readValue("{\"amount\":-1}", Money.class)))
                .containsExactly("amount must not be negative");
        assertThat(problems(JSON.readValue("{\"currency\":\"SEK\"}", Money.class)))
                .containsExactly("amount is required");
    }

    @Test
    void anAbsurdExponentIsRefusedCheaply() throws Exception {
        Money m = JSON.readValue("{\"amount\":1E+999999999}", Money.class);
        assertThat(m.amount().scale()).as("left as sent, not expanded to a billion digits").isNegative();
        assertThat(problems(m)).hasSize(1);
        assertThat(Money.problem(m.amount())).contains("must be at most 9999999999999.99");
    }

    @Test
    void amountsOfTwoCurrenciesAreNotCompared() {
        assertThat(Money.sek("10").compareAmount(Money.sek("9.99"))).isPositive();
        assertThatThrownBy(() -> Money.sek("10").compareAmount(Money.of("10", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.sek("560000").text()).isEqualTo("560000.00 SEK");
    }
}
