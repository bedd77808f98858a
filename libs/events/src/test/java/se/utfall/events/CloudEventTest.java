package se.utfall.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventTest {
    private static Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        h.put("ce_id", "0b3a5f4e-1c51-4e0e-8a8c-5e4f2f1c2a11");
        h.put("ce_source", "/utfall/challenge-service");
        h.put("ce_type", EventTypes.WORKSHOP_SCHEDULED);
        h.put("ce_specversion", "1.0");
        h.put("ce_time", "2026-11-22T10:00:00Z");
        return h;
    }

    private static final String WORKSHOP = """
            {"id": "6f1d2c3b-0000-4000-8000-000000000001", "challengeId": "6f1d2c3b-0000-4000-8000-000000000002",
             "title": "Workshop", "startsAt": "2026-12-10T13:00:00Z", "endsAt": "2026-12-10T16:00:00Z",
             "capacity": 20, "registeredCount": 0, "seatsLeft": 20}""";

    @Test
    void aWellFormedEventParses() {
        CloudEvent e = CloudEvent.parse(headers(), "k", WORKSHOP.getBytes(StandardCharsets.UTF_8));
        assertThat(e.type()).isEqualTo(EventTypes.WORKSHOP_SCHEDULED);
        assertThat(e.data().path("capacity").asInt()).isEqualTo(20);
    }

    @Test
    void everyDefectIsNamed() {
        Map<String, String> h = headers();
        h.remove("ce_id");
        h.put("ce_specversion", "0.3");
        assertThatThrownBy(() -> CloudEvent.parse(h, "k", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CloudEvent.InvalidEventException.class)
                .hasMessageContaining("missing header ce_id")
                .hasMessageContaining("unsupported ce_specversion")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> CloudEvent.parse(headers(), "k", "{\"id\": 1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("schema:");
    }
}
