package se.utfall.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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

    @Test
    void aTolerantReaderAcceptsUnknownFieldsAndEnumValuesAndReturnsUnknownTypesForSkipping() {
        String future = WORKSHOP.replace("\"capacity\": 20", "\"capacity\": 20, \"hybridMode\": \"ROOM_AND_STREAM\"");
        CloudEvent e = CloudEvent.parse(headers(), "k", future.getBytes(StandardCharsets.UTF_8));
        assertThat(e.data().path("hybridMode").asText()).isEqualTo("ROOM_AND_STREAM");
        assertThat(e.isKnownType()).isTrue();

        Map<String, String> h = headers();
        h.put("ce_type", "se.utfall.challenge.co-created.v1");
        CloudEvent unknown = CloudEvent.parse(h, "k", "{\"anything\": true}".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.isKnownType()).as("a type from a newer producer is skipped, not dead-lettered").isFalse();
    }

    @Test
    void anUnknownEnumValueIsAcceptedButAMissingRequiredFieldIsNot() {
        Map<String, String> h = headers();
        h.put("ce_type", EventTypes.CHALLENGE_PUBLISHED);
        String challenge = """
                {"id": "6f1d2c3b-0000-4000-8000-000000000001", "ownerOrgId": "6f1d2c3b-0000-4000-8000-000000000002",
                 "title": "Måltider", "municipalityCode": "2161", "status": "PAUSED", "version": 1,
                 "createdAt": "2026-11-22T10:00:00Z", "updatedAt": "2026-11-22T10:00:00Z", "sectors": [],
                 "cpvCodes": [], "sdgTargets": [], "outcomeGoals": [], "needInsights": [], "processTrail": []}""";
        assertThat(CloudEvent.parse(h, "k", challenge.getBytes(StandardCharsets.UTF_8)).data().path("status").asText())
                .isEqualTo("PAUSED");
        assertThatThrownBy(() -> CloudEvent.parse(h, "k",
                challenge.replace("\"title\": \"Måltider\",", "").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("title");
    }

    @Test
    void moneyStaysExactToTheOre() {
        Map<String, String> h = headers();
        h.put("ce_type", EventTypes.CHALLENGE_PUBLISHED);
        String body = """
                {"id": "6f1d2c3b-0000-4000-8000-000000000001", "ownerOrgId": "6f1d2c3b-0000-4000-8000-000000000002",
                 "title": "Måltider", "municipalityCode": "2161", "status": "PUBLISHED", "version": 1,
                 "createdAt": "2026-11-22T10:00:00Z", "updatedAt": "2026-11-22T10:00:00Z", "sectors": [],
                 "cpvCodes": [], "sdgTargets": [], "outcomeGoals": [], "needInsights": [], "processTrail": [],
                 "budget": {"amount": 999999999999999.99, "currency": "SEK"}}""";
        CloudEvent e = CloudEvent.parse(h, "k", body.getBytes(StandardCharsets.UTF_8));
        assertThat(e.data().path("budget").path("amount").decimalValue())
                .isEqualByComparingTo(new BigDecimal("999999999999999.99"));
        assertThat(e.data().path("budget").path("amount").toString()).isEqualTo("999999999999999.99");
    }

    enum Status { DRAFT, PUBLISHED }

    record Seen(String id, int capacity, Status status) {
    }

    @Test
    void dataIsMappedTolerantlyOrRefusedAsPoison() {
        String body = WORKSHOP.replace("\"capacity\": 20", "\"capacity\": 20, \"status\": \"PAUSED\", \"later\": 1");
        CloudEvent e = CloudEvent.parse(headers(), "k", body.getBytes(StandardCharsets.UTF_8));
        Seen seen = e.dataAs(Seen.class);
        assertThat(seen.capacity()).isEqualTo(20);
        assertThat(seen.status()).as("an enum value from a newer producer").isNull();
        assertThatThrownBy(() -> new CloudEvent(e.id(), e.source(), e.type(), e.specVersion(), e.time(), e.subject(),
                e.key(), new ObjectMapper().readTree("{\"capacity\": \"many\"}"))
                .dataAs(Seen.class)).isInstanceOf(CloudEvent.InvalidEventException.class);
    }
}
