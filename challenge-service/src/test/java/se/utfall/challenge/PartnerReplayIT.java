package se.utfall.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.utfall.events.Topics;
import se.utfall.testing.EventTopic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/** A partner with a plain Kafka consumer rebuilds the public state from the events alone. */
@QuarkusTest
class PartnerReplayIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLatestEventOfAChallengeIsItsPublicState() throws Exception {
        String token = buyer(LJUSDAL);
        String id = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + id + "/publish").then().statusCode(200);
        Map<String, Object> amended = Fixtures.ramsjo();
        amended.put("outcomeGoals", List.of(Fixtures.goal(), Fixtures.goal()));
        amended.put("processTrail", List.of(Map.of("phase", "WORKSHOPS", "plannedStart", "2027-01-10",
                "plannedEnd", "2027-02-28")));
        as(token).header("If-Match", "\"1\"").body(amended).put("/api/v1/challenges/" + id).then().statusCode(200);

        Map<String, JsonNode> rebuilt = new HashMap<>();
        try (EventTopic partner = EventTopic.fromBeginning(Topics.CHALLENGES)) {
            partner.await(2, EventTopic.about(id)).forEach(e -> {
                if (e.type().startsWith("se.utfall.challenge.")) {
                    rebuilt.put(e.key(), e.body());
                }
            });
        }
        JsonNode api = JSON.readTree(anonymous().get("/api/v1/challenges/" + id).then().statusCode(200)
                .extract().asString());
        assertThat(rebuilt.get(id)).isEqualTo(api);
        assertThat(rebuilt.get(id).path("outcomeGoals")).hasSize(2);
        assertThat(rebuilt.get(id).path("processTrail").get(1).path("plannedStart").asText()).isEqualTo("2027-01-10");
    }
}
