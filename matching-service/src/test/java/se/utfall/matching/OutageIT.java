package se.utfall.matching;

import io.quarkus.test.junit.QuarkusTest;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static se.utfall.matching.Fixtures.HUDIKSVALL;
import static se.utfall.matching.Fixtures.awaitIndexed;
import static se.utfall.matching.Fixtures.challenge;
import static se.utfall.matching.Fixtures.challengeEvent;
import static se.utfall.matching.Fixtures.createProfile;
import static se.utfall.matching.Fixtures.newId;
import static se.utfall.matching.Fixtures.producer;
import static se.utfall.matching.Fixtures.profile;
import static se.utfall.matching.Fixtures.profileCount;
import static se.utfall.matching.Fixtures.publishAndAwait;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;
import static se.utfall.testing.Api.management;

/**
 * A broker or a database that is briefly away: innovators keep editing and buyers keep reading; events that
 * arrive meanwhile are applied and announced once afterwards, and none is dead-lettered.
 */
@QuarkusTest
class OutageIT {

    /**
     * Hudiksvall's need in Delsbo: like Ramsjö's, but elsewhere, so the strong local kitchens these tests create
     * do not crowd the Ramsjö journey's announcements.
     */
    private static String delsbo(String id) {
        return challenge(id, HUDIKSVALL, "Hudiksvalls kommun", "Dagliga måltider för äldre i Delsbo",
                "Äldre i Delsbo behöver en varm måltid varje dag, lagad nära och levererad hem.",
                "I dag körs kylda matlådor från Hudiksvall en gång i veckan.", "Äldre med hemtjänst i Delsbo",
                "Delsbo", "2184", List.of("elderly-care", "food"), "PUBLISHED", 1);
    }

    @AfterEach
    void restore() {
        TcpProxy.restoreAll();
    }

    @Test
    void whileKafkaIsAwayProfilesAreSavedAndRecommendationsRead() {
        assumeTrue(TcpProxy.available(), "needs the embedded broker, whose network the test can cut");
        String need = newId();
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, delsbo(need), need), need, 1);
        UUID org = UUID.randomUUID();
        TcpProxy.setCut(true);
        String id = createProfile(org, profile("Delsbo Bygdekök", "SOCIAL_ENTERPRISE",
                "Vi lagar varm mat till äldre i byn och kör hem den varje dag.", List.of("laga mat", "hemleverans"),
                List.of("food", "elderly-care"), List.of("2184")));
        awaitIndexed(profileCount());
        await().atMost(Duration.ofSeconds(15)).until(() -> as(buyer(HUDIKSVALL)).get("/api/v1/needs/" + need
                + "/recommendations").then().statusCode(200).extract().<List<String>>path("profileId").contains(id));
        as(innovator(org)).get("/api/v1/recommendations/mine").then().statusCode(200);
        anonymous().get("/api/v1/needs/" + need).then().statusCode(200);
        management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Profile ranking index built' }.status", equalTo("UP"));
    }

    @Test
    void aNeedPublishedWhileTheDatabaseIsAwayIsIndexedAndAnnouncedOnceAfterward() throws Exception {
        assumeTrue(TcpProxy.available(TcpProxy.POSTGRES_SWITCH), "needs the embedded PostgreSQL behind its proxy");
        String kitchen = createProfile(UUID.randomUUID(), profile("Byköket Delsbo", "SOCIAL_ENTERPRISE",
                "Byköket lagar varm husmanskost till äldre och kör ut den varje dag.",
                List.of("laga mat", "hemleverans"), List.of("food", "elderly-care"), List.of("2184")));
        awaitIndexed(profileCount());
        String need = newId();
        try (EventTopic dlq = EventTopic.from(Topics.deadLetterOf(Topics.CHALLENGES));
                EventTopic matches = EventTopic.from(Topics.MATCHES_INTERNAL);
                KafkaProducer<String, byte[]> p = producer()) {
            TcpProxy.setCut(TcpProxy.POSTGRES_SWITCH, true);
            // Only once the service itself has lost the database (readiness reflects it) are the events sent.
            await().atMost(Duration.ofSeconds(15)).until(() -> management().get("/q/health/ready").then().extract()
                    .statusCode() == 503);
            p.send(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, delsbo(need), need)).get();
            assertThat(dlq.collect(e -> need.equals(e.key()), Duration.ofSeconds(8))).isEmpty();
            assertThat(Db.count("SELECT count(*) FROM need WHERE id = ?::uuid", need)).isZero();
            // The ranking index is in memory: it is still there, and the refresher survives the outage.
            management().get("/q/health/live").then().statusCode(200);

            TcpProxy.setCut(TcpProxy.POSTGRES_SWITCH, false);
            await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                    "SELECT count(*) FROM need WHERE id = ?::uuid AND version = 1", need) == 1);
            matches.await(1, e -> need.equals(e.key()) && kitchen.equals(e.body().path("profileId").asText()),
                    Duration.ofSeconds(30));
            // Once: the retries while the database was away announced nothing.
            assertThat(matches.collect(e -> need.equals(e.key()) && kitchen.equals(e.body().path("profileId")
                    .asText()), Duration.ofSeconds(2))).hasSize(1);
            assertThat(dlq.collect(e -> need.equals(e.key()), Duration.ofSeconds(1))).isEmpty();
            Map<String, Object> first = as(buyer(HUDIKSVALL)).get("/api/v1/needs/" + need + "/recommendations").then()
                    .statusCode(200).extract().path("[0]");
            assertThat(first).isNotNull();
        }
    }
}
