package se.utfall.challenge;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.CloudEventRecords;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static se.utfall.challenge.Fixtures.LJUSDAL;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/**
 * A goal's measured value comes back to the need: what an independent verifier validated under an outcome contract
 * (finance-service's public outcome.verified events, through the inbox, once each) is shown against each goal's
 * baseline and target to anyone who may read the challenge.
 */
@QuarkusTest
class OutcomeResultsIT {

    private static String verified(String claimId, String caseId, String challengeId, String period, String goal,
            int units, int cumulative) {
        return """
                {"claimId": "%s", "caseId": "%s", "challengeId": "%s", "period": "%s",
                 "results": [{"goalId": "%s", "units": %d, "cumulativeUnits": %d}],
                 "verifiedAt": "2027-07-15T10:00:00Z"}""".formatted(claimId, caseId, challengeId, period, goal, units,
                cumulative);
    }

    @Test
    void verifiedOutcomesShowOnTheChallengesGoalsOnceEach() throws Exception {
        String token = buyer(LJUSDAL);
        String challengeId = as(token).body(Fixtures.ramsjo()).post("/api/v1/challenges").then().statusCode(201)
                .extract().path("id");
        // A draft is its organisations' only: 404 for anyone else, here too.
        anonymous().get("/api/v1/challenges/" + challengeId + "/outcome-results").then().statusCode(404);
        as(token).header("If-Match", "\"0\"").post("/api/v1/challenges/" + challengeId + "/publish").then()
                .statusCode(200);
        List<String> goals = anonymous().get("/api/v1/challenges/" + challengeId).then().statusCode(200).extract()
                .path("outcomeGoals.id");
        String caseId = UUID.randomUUID().toString();
        String h1 = UUID.randomUUID().toString();
        String h2 = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> p = CloudEventRecords.producer()) {
            for (String[] e : new String[][] {{h1, "2027-H1", "20", "20"}, {h1, "2027-H1", "20", "20"},
                    {h2, "2027-H2", "30", "50"}}) {
                p.send(CloudEventRecords.record(Topics.FINANCE, "/utfall/finance-service", e[0],
                        EventTypes.OUTCOME_VERIFIED, verified(UUID.randomUUID().toString(), caseId, challengeId, e[1],
                                goals.get(0), Integer.parseInt(e[2]), Integer.parseInt(e[3])), caseId,
                        "cases/" + caseId + "/results/" + e[0])).get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM goal_result WHERE challenge_id = ?::uuid", challengeId) == 2);
        anonymous().get("/api/v1/challenges/" + challengeId + "/outcome-results").then().statusCode(200)
                .body("goals[0].goalId", equalTo(goals.get(0))).body("goals[0].verified", equalTo(50))
                .body("goals[0].results", hasSize(2)).body("goals[0].results[1].period", equalTo("2027-H2"))
                .body("goals", hasSize(goals.size())).body("goals[0].baselineValue", notNullValue());
        assertThat(Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", h1)).isEqualTo(1);
    }

    @Test
    void anUnreadableOutcomeIsDeadLettered() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(Topics.deadLetterOf(Topics.FINANCE));
                KafkaProducer<String, byte[]> p = CloudEventRecords.producer()) {
            p.send(CloudEventRecords.record(Topics.FINANCE, "/utfall/finance-service", poison,
                    EventTypes.OUTCOME_VERIFIED, verified(UUID.randomUUID().toString(), caseId, "not-a-uuid",
                            "2027-H1", UUID.randomUUID().toString(), 1, 1), caseId, "cases/" + caseId)).get();
            assertThat(dlq.await(1, e -> caseId.equals(e.key())).get(0).id()).isEqualTo(poison);
        }
        assertThat(Db.count("SELECT count(*) FROM goal_result WHERE case_id = ?::uuid", caseId)).isZero();
    }
}
