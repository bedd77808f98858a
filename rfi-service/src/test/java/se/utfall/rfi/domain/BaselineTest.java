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

    @Test
    void theBuyersPeriodInEnglishOrSwedishBecomesAYear() throws Exception {
        assertThat(of("year", "448950.00").orElseThrow().perYear()).isEqualByComparingTo("448950");
        assertThat(of("YEAR", "1").orElseThrow().perYear()).isEqualByComparingTo("1");
        assertThat(of("månad", "1000").orElseThrow().perYear()).isEqualByComparingTo("12000");
        assertThat(of(" Week ", "10").orElseThrow().perYear()).isEqualByComparingTo("520");
    }

    @Test
    void withoutACostOrAKnownPeriodThereIsNoComparison() throws Exception {
        assertThat(of("per placering", "1000")).isEmpty();
        assertThat(Baseline.of(JSON.readTree("{\"baseline\": null}"))).isEmpty();
        assertThat(Baseline.of(null)).isEmpty();
    }
}
