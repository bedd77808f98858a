package se.utfall.matching;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static se.utfall.matching.Fixtures.LJUSDAL;
import static se.utfall.matching.Fixtures.awaitIndexed;
import static se.utfall.matching.Fixtures.challengeEvent;
import static se.utfall.matching.Fixtures.createProfile;
import static se.utfall.matching.Fixtures.event;
import static se.utfall.matching.Fixtures.newId;
import static se.utfall.matching.Fixtures.producer;
import static se.utfall.matching.Fixtures.profile;
import static se.utfall.matching.Fixtures.profileCount;
import static se.utfall.matching.Fixtures.publishAndAwait;
import static se.utfall.matching.Fixtures.ramsjo;
import static se.utfall.matching.Fixtures.rfi;
import static se.utfall.testing.Api.admin;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/**
 * The index is built from the topics alone: repeats change nothing, unreadable records are dead-lettered and the
 * rest still applied, closed needs leave innovators' lists, a wiped index rebuilt from the topics recommends the
 * same, and a profile another replica writes is ranked here too.
 */
@QuarkusTest
class ReplayIT {

    private static List<Map<String, Object>> recommendations(String need) {
        return as(buyer(LJUSDAL)).get("/api/v1/needs/" + need + "/recommendations?limit=50").then().statusCode(200)
                .extract().path("");
    }

    @Test
    void aRepeatedEventChangesNothingAndAnUnreadableOneIsDeadLettered() throws Exception {
        String need = newId();
        String eventId = newId();
        publishAndAwait(challengeEvent(eventId, EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "PUBLISHED", 2), need),
                need, 2);
        String later = newId();
        String older = newId();
        try (EventTopic dlq = EventTopic.from(Topics.deadLetterOf(Topics.RFIS));
                KafkaProducer<String, byte[]> p = producer()) {
            // The same event again, an older version, a record that is no CloudEvent, one with a broken id.
            p.send(challengeEvent(eventId, EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "PUBLISHED", 2), need)).get();
            p.send(challengeEvent(older, EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "CLOSED", 1), need)).get();
            // Keyed like the later record, so they share its partition: the later one is processed after them.
            p.send(new ProducerRecord<>(Topics.RFIS, later, "not json".getBytes(StandardCharsets.UTF_8))).get();
            p.send(event(Topics.RFIS, newId(), EventTypes.RFI_OPENED,
                    rfi("not-a-uuid", need, LJUSDAL, "Måltider", "Svara", "OPEN", 1), later, "rfis/x")).get();
            p.send(event(Topics.RFIS, newId(), EventTypes.RFI_OPENED, rfi(later, need, LJUSDAL,
                    "Frågor om dagliga måltider i Ramsjö", "Hur kan maten lagas och levereras i byn?", "OPEN", 3),
                    later, "rfis/" + later)).get();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", older) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> anonymous().get("/api/v1/needs/" + later).then()
                    .extract().statusCode() == 200);
            assertThat(dlq.await(2, e -> later.equals(e.key()))).hasSize(2);
        }
        anonymous().get("/api/v1/needs/" + need).then().body("version", equalTo(2)).body("status",
                equalTo("PUBLISHED"));
        assertThat(Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isEqualTo(1);
        // The RFI takes what it does not say itself from its challenge: sectors and place.
        anonymous().get("/api/v1/needs/" + later).then().body("kind", equalTo("RFI")).body("open", equalTo(true));
    }

    @Test
    void aClosedNeedLeavesTheInnovatorsList() {
        UUID org = UUID.randomUUID();
        createProfile(org, profile("Byköket i Ramsjö", "SOCIAL_ENTERPRISE",
                "Vi lagar varm mat till äldre i byn och kör ut den varje dag.", List.of("laga mat", "hemleverans"),
                List.of("food", "elderly-care"), List.of("2161")));
        awaitIndexed(profileCount());
        String need = newId();
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "PUBLISHED", 1), need),
                need, 1);
        List<Map<String, Object>> mine = as(innovator(org)).get("/api/v1/recommendations/mine?size=100").then()
                .statusCode(200).extract().path("items");
        assertThat(mine).extracting(r -> r.get("needId")).contains(need);
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_CLOSED, ramsjo(need, "CLOSED", 2), need), need,
                2);
        mine = as(innovator(org)).get("/api/v1/recommendations/mine?size=100").then().statusCode(200).extract()
                .path("items");
        assertThat(mine).extracting(r -> r.get("needId")).doesNotContain(need);
        assertThat(anonymous().get("/api/v1/needs/" + need).then().extract().<Boolean>path("open")).isFalse();

        // An RFI whose window has ended is not recommended, even before its closing event arrives.
        String other = newId();
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, ramsjo(other, "PUBLISHED", 1),
                other), other, 1);
        String ended = newId();
        publishAndAwait(event(Topics.RFIS, newId(), EventTypes.RFI_OPENED, rfi(ended, other, LJUSDAL,
                "Varm mat till äldre i Ramsjö", "Hur kan maten lagas och levereras i byn?", "OPEN", 1)
                .replace("2026-03-10", "2020-03-10").replace("2099-03-28", "2020-03-28"), ended, "rfis/" + ended),
                ended, 1);
        String running = newId();
        publishAndAwait(event(Topics.RFIS, newId(), EventTypes.RFI_OPENED, rfi(running, other, LJUSDAL,
                "Varm mat till äldre i Ramsjö", "Hur kan maten lagas och levereras i byn?", "OPEN", 1), running,
                "rfis/" + running), running, 1);
        mine = as(innovator(org)).get("/api/v1/recommendations/mine?size=100").then().statusCode(200).extract()
                .path("items");
        assertThat(mine).extracting(r -> r.get("needId")).contains(other, running).doesNotContain(ended);
    }

    @Test
    void aWipedIndexRebuiltFromTheTopicsRecommendsTheSame() {
        createProfile(UUID.randomUUID(), profile("Ramsjö Lanthandel", "LOCAL_BUSINESS",
                "Lanthandel som kör hem varor till äldre i byn varje vardag.", List.of("hemleverans"),
                List.of("retail"), List.of("2161")));
        awaitIndexed(profileCount());
        String need = newId();
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "PUBLISHED", 1), need),
                need, 1);
        List<Map<String, Object>> before = recommendations(need);
        long needs = Db.count("SELECT count(*) FROM need");
        as(admin()).post("/api/v1/admin/need-index/rebuild").then().statusCode(202).body("state",
                equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as(admin())
                .get("/api/v1/admin/need-index").then().statusCode(200).extract().path("state")));
        assertThat(Db.count("SELECT count(*) FROM need")).isEqualTo(needs);
        assertThat(recommendations(need)).isEqualTo(before);
        // No need and profile were announced twice, however the rebuild and the live consumers interleaved.
        try (EventTopic all = EventTopic.fromBeginning(Topics.MATCHES_INTERNAL)) {
            Map<String, Long> pairs = all.collect(e -> true, Duration.ofSeconds(2)).stream().collect(
                    Collectors.groupingBy(e -> e.body().path("needId").asText() + "/"
                            + e.body().path("profileId").asText(), Collectors.counting()));
            assertThat(pairs).isNotEmpty();
            assertThat(pairs.values()).allMatch(n -> n == 1L);
        }
    }

    @Test
    void aProfileAnotherReplicaWroteIsRankedHereToo() {
        String need = newId();
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, ramsjo(need, "PUBLISHED", 1), need),
                need, 1);
        String id = newId();
        // Another replica's write is a row in the shared database; this replica did not see the request.
        Db.execute("INSERT INTO profile (id, org_id, name, type, description, capabilities, sectors, regions_served,"
                + " languages, version, created_at, created_by, updated_at) VALUES (?::uuid, ?::uuid,"
                + " 'Ramsjö Matlag', 'CIVIL_SOCIETY', 'Föreningen lagar varm lunch till äldre i byn varje dag.',"
                + " '[\"laga mat\"]', '[\"food\"]', '[\"2161\"]', '[\"sv\"]', 0, now(), 'replica-2', now())", id,
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> recommendations(need).stream()
                .anyMatch(r -> id.equals(r.get("profileId"))));

        // The other replica changes it (it now sells antiques far away), then deletes it: this replica's index
        // follows each change, not only additions.
        Db.execute("UPDATE profile SET name = 'Antikhandeln', description = 'Antikviteter och kuriosa i Stockholm.',"
                + " capabilities = '[]', regions_served = '[\"0180\"]' WHERE id = ?::uuid", id);
        await().atMost(Duration.ofSeconds(15)).until(() -> recommendations(need).stream()
                .noneMatch(r -> id.equals(r.get("profileId"))));
        Db.execute("UPDATE profile SET description = 'Föreningen lagar varm lunch till äldre i byn varje dag.',"
                + " regions_served = '[\"2161\"]' WHERE id = ?::uuid", id);
        await().atMost(Duration.ofSeconds(15)).until(() -> recommendations(need).stream()
                .anyMatch(r -> id.equals(r.get("profileId"))));
        int held = as(admin()).get("/api/v1/admin/profile-index").then().statusCode(200).extract().path("profiles");
        Db.execute("DELETE FROM profile WHERE id = ?::uuid", id);
        await().atMost(Duration.ofSeconds(15)).until(() -> recommendations(need).stream()
                .noneMatch(r -> id.equals(r.get("profileId"))));
        assertThat((int) as(admin()).get("/api/v1/admin/profile-index").then().extract().path("profiles"))
                .isEqualTo(held - 1);
    }
}
