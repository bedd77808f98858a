package se.utfall.rfi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;
import se.utfall.testing.TcpProxy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.utfall.rfi.Fixtures.RAMSJO_SHOP;
import static se.utfall.rfi.Fixtures.TOMELILLA;
import static se.utfall.rfi.Fixtures.answers;
import static se.utfall.rfi.Fixtures.challenge;
import static se.utfall.rfi.Fixtures.challengeEvent;
import static se.utfall.rfi.Fixtures.nowSeconds;
import static se.utfall.rfi.Fixtures.producer;
import static se.utfall.rfi.Fixtures.publishedRfi;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.innovator;
import static se.utfall.testing.Api.management;

/** A broker or a database that is briefly away: the API keeps its promises, nothing is lost or dead-lettered. */
@QuarkusTest
class OutageIT {

    @AfterEach
    void restore() {
        TcpProxy.restoreAll();
    }

    @Test
    void whileKafkaIsAwayResponsesAreSubmittedAndTheirEventsFollowOnceItIsBack() {
        assumeTrue(TcpProxy.available(), "needs the embedded broker, whose network the test can cut");
        ExtractableResponse<Response> rfi = publishedRfi(nowSeconds().minusSeconds(60), nowSeconds().plusSeconds(3600));
        String rfiId = rfi.path("id");
        try (EventTopic internal = EventTopic.from(Topics.RESPONSES_INTERNAL)) {
            TcpProxy.setCut(true);
            String id = as(innovator(RAMSJO_SHOP)).body(answers(rfi)).post("/api/v1/rfis/" + rfiId + "/responses")
                    .then().statusCode(201).extract().path("id");
            as(innovator(RAMSJO_SHOP)).header("If-Match", "\"0\"").post("/api/v1/responses/" + id + "/submit")
                    .then().statusCode(200).body("status", equalTo("SUBMITTED"));
            anonymous().get("/api/v1/rfis/" + rfiId).then().statusCode(200);
            management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            assertThat(internal.collect(e -> rfiId.equals(e.key()), Duration.ofSeconds(2))).isEmpty();

            TcpProxy.setCut(false);
            List<EventTopic.Event> events = internal.await(1, e -> rfiId.equals(e.key()), Duration.ofSeconds(60));
            assertThat(events.get(0).type()).isEqualTo(EventTypes.RESPONSE_SUBMITTED);
            assertThat(events.get(0).body().path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void challengeEventsThatArriveWhileTheDatabaseIsAwayAreAppliedAfterwardAndNoneIsDeadLettered() throws Exception {
        assumeTrue(TcpProxy.available(TcpProxy.POSTGRES_SWITCH), "needs the embedded PostgreSQL behind its proxy");
        String id = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(Topics.CHALLENGES + ".dlq");
                KafkaProducer<String, byte[]> p = producer()) {
            TcpProxy.setCut(TcpProxy.POSTGRES_SWITCH, true);
            // Only once the service itself has lost the database (readiness reflects it) are the events sent.
            await().atMost(Duration.ofSeconds(15)).until(() -> management().get("/q/health/ready").then().extract()
                    .statusCode() == 503);
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_PUBLISHED,
                    challenge(id, TOMELILLA, List.of(), "PUBLISHED", 1), id)).get();
            p.send(challengeEvent(UUID.randomUUID().toString(), EventTypes.CHALLENGE_CLOSED,
                    challenge(id, TOMELILLA, List.of(), "CLOSED", 2), id)).get();
            assertThat(dlq.collect(e -> id.equals(e.key()), Duration.ofSeconds(8))).isEmpty();
            assertThat(Db.count("SELECT count(*) FROM known_challenge WHERE id = ?::uuid", id)).isZero();

            TcpProxy.setCut(TcpProxy.POSTGRES_SWITCH, false);
            await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                    "SELECT count(*) FROM known_challenge WHERE id = ?::uuid AND status = 'CLOSED' AND version = 2",
                    id) == 1);
            assertThat(dlq.collect(e -> id.equals(e.key()), Duration.ofSeconds(2))).isEmpty();
        }
    }
}
