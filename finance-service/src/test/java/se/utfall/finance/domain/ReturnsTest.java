package se.utfall.finance.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnsTest {

    private static Returns.Flow flow(String on, String amount) {
        return new Returns.Flow(LocalDate.parse(on), new BigDecimal(amount));
    }

    @Test
    void aYearAtTenPercentIsTenPercent() {
        assertThat(Returns.irr(List.of(flow("2027-01-01", "-1000000.00"), flow("2028-01-01", "1100000.00"))))
                .isEqualByComparingTo("0.1000");
    }

    @Test
    void norrkopingsCapOverFourYearsIsAboutFourAndAHalfPercentAYear() {
        // 10 MSEK lent, 12 MSEK back after four years (a 20 % total cap): 1.2^(1/4) − 1 = 4.66 % a year.
        assertThat(Returns.irr(List.of(flow("2027-01-01", "-10000000.00"), flow("2030-12-31", "12000000.00"))))
                .isEqualByComparingTo("0.0466");
    }

    @Test
    void interimPaymentsEarnMoreThanTheSameSumAtTheEnd() {
        BigDecimal spread = Returns.irr(List.of(flow("2027-01-01", "-1000.00"), flow("2027-07-02", "600.00"),
                flow("2028-01-01", "600.00")));
        BigDecimal atEnd = Returns.irr(List.of(flow("2027-01-01", "-1000.00"), flow("2028-01-01", "1200.00")));
        assertThat(atEnd).isEqualByComparingTo("0.2000");
        assertThat(spread).isGreaterThan(atEnd);
    }

    @Test
    void aLossHasANegativeRateAndNothingBackHasNone() {
        assertThat(Returns.irr(List.of(flow("2027-01-01", "-1000.00"), flow("2028-01-01", "500.00"))))
                .isEqualByComparingTo("-0.5000");
        assertThat(Returns.irr(List.of(flow("2027-01-01", "-1000.00")))).isNull();
        assertThat(Returns.multiple(new BigDecimal("1200000.00"), new BigDecimal("1000000.00")))
                .isEqualByComparingTo("1.2000");
        assertThat(Returns.multiple(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
    }

    @Test
    void logarithmAndExponentialAgreeToManyDigits() {
        for (String v : new String[] {"1.2", "0.0001", "11", "0.5", "2", "1"}) {
            BigDecimal x = new BigDecimal(v);
            assertThat(Returns.exp(Returns.ln(x)).subtract(x).abs()).as(v).isLessThan(new BigDecimal("1E-25"));
        }
        assertThat(Returns.ln(new BigDecimal("2.718281828459045235360287471352662")).subtract(BigDecimal.ONE).abs())
                .isLessThan(new BigDecimal("1E-30"));
    }

    @Test
    void flowsOnOneDayHaveNoRate() {
        assertThat(Returns.irr(List.of(flow("2027-01-01", "-1000.00"), flow("2027-01-01", "1200.00")))).isNull();
    }
}
