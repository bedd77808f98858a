package se.utfall.web.json;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {
    record Dated(LocalDate on, Instant at) {
    }

    @Test
    void datesAndTimesAreStoredAsIsoTextAndReadBack() {
        Dated d = new Dated(LocalDate.of(2027, 6, 30), Instant.parse("2027-06-30T10:15:30Z"));
        String json = JsonText.write(d);
        assertThat(json).isEqualTo("{\"on\":\"2027-06-30\",\"at\":\"2027-06-30T10:15:30Z\"}");
        assertThat(JsonText.read(json, new TypeReference<Dated>() { })).isEqualTo(d);
    }

    @Test
    void storedJsonThatNoLongerReadsIsOurFaultNotAMalformedRequest() {
        assertThatThrownBy(() -> JsonText.read("{\"on\": \"not a date\"}", new TypeReference<Dated>() { }))
                .isInstanceOf(IllegalStateException.class).hasNoCause()
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    }
}
