package se.utfall.rfi.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<Baseline> of(String period, String amount) throws Exception {
        return Baseline.of(JSON.readTree("{\"baseline\": {\"period\": \"" + period + "\", \"costPerPeriod\":"
                + " {\"amount\": " + amount + ", \"currency\": \"SEK\"}}}"));
    }

    private static String perYear(String period, String amount) throws Exception {
        return of(period, amount).orElseThrow().perYear().orElseThrow().amount().toPlainString();
    }

    @Test
    void theBuyersPeriodInEnglishOrSwedishBecomesAYear() throws Exception {
        assertThat(perYear("year", "448950.00")).isEqualTo("448950.00");
        assertThat(perYear("YEAR", "1")).isEqualTo("1.00");
        assertThat(perYear("månad", "1000")).isEqualTo("12000.00");
        assertThat(perYear(" Week ", "10")).isEqualTo("520.00");
    }

    @Test
    void anAmountReadBackAsADoubleIsTheSameMoney() throws Exception {
        // public_data is JSONB; the reactive client hands it over with doubles: 560000.00 arrives as 560000.0.
        assertThat(perYear("year", "560000.0")).isEqualTo("560000.00");
        assertThat(perYear("year", "9999999999999.99")).isEqualTo("9999999999999.99");
    }

    @Test
    void withoutACostOrAKnownPeriodThereIsNoComparison() throws Exception {
        assertThat(of("per placering", "1000")).isEmpty();
        assertThat(of("year", "82.005")).as("not money").isEmpty();
        assertThat(of("day", "9999999999999.99").orElseThrow().perYear()).as("a year of it is not money").isEmpty();
        assertThat(Baseline.of(JSON.readTree("{\"baseline\": null}"))).isEmpty();
        assertThat(Baseline.of(null)).isEmpty();
    }
}
