package se.utfall.matching;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.utfall.matching.Fixtures.HUDIKSVALL;
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
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;
import static se.utfall.testing.Api.innovator;

/**
 * What matching learns from the internal response events: an innovator is not recommended an RFI it has answered,
 * and the buyer's shortlisting is a judgement the feedback export carries, for the respondent and its consortium.
 */
@QuarkusTest
class ResponseSignalIT {

    @Test
    void anAnsweredRfiLeavesTheListAndTheShortlistIsAJudgement() throws Exception {
        UUID shopOrg = UUID.randomUUID();
        UUID kitchenOrg = UUID.randomUUID();
        String shop = createProfile(shopOrg, profile("Ramsjö Lanthandel", "LOCAL_BUSINESS",
                "Lanthandel som kör hem mat och varor till äldre i byn varje vardag.", List.of("hemleverans"),
                List.of("food", "elderly-care"), List.of("2161")));
        String kitchen = createProfile(kitchenOrg, profile("Ramsjö Camping, köket", "LOCAL_BUSINESS",
                "Campingens kök lagar varm husmanskost till äldre i byn varje dag.", List.of("laga mat"),
                List.of("food"), List.of("2161")));
        awaitIndexed(profileCount());
        String challenge = newId();
        // Hudiksvall buys together with Ljusdal; Ljusdal owns the RFI.
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, ramsjo(challenge, "PUBLISHED", 1,
                HUDIKSVALL), challenge), challenge, 1);
        String rfiId = newId();
        publishAndAwait(event(Topics.RFIS, newId(), EventTypes.RFI_OPENED, rfi(rfiId, challenge, LJUSDAL,
                "Varm mat till äldre i Ramsjö", "Hur kan maten lagas och levereras i byn varje dag?", "OPEN", 1),
                rfiId, "rfis/" + rfiId), rfiId, 1);
        assertThat(mine(shopOrg)).contains(rfiId);
        assertThat(mine(kitchenOrg)).contains(rfiId);

        // The shop responds with the kitchen in its consortium; the event says that, not what they wrote.
        String response = newId();
        String submitted = newId();
        String submission = """
                {"id": "%s", "rfiId": "%s", "challengeId": "%s", "organisationId": "%s", "status": "SUBMITTED",
                 "version": 2, "submittedAt": "2026-03-20T10:00:00Z", "receiptSha256": "ab12",
                 "consortiumOrganisationIds": ["%s"]}""".formatted(response, rfiId, challenge, shopOrg, kitchenOrg);
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(responseEvent(submitted, EventTypes.RESPONSE_SUBMITTED, rfiId, submission)).get();
            // Delivered twice: applied once.
            p.send(responseEvent(submitted, EventTypes.RESPONSE_SUBMITTED, rfiId, submission)).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !mine(shopOrg).contains(rfiId));
        assertThat(mine(kitchenOrg)).doesNotContain(rfiId);
        assertThat(Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", submitted)).isEqualTo(1);
        // The buyer still sees both recommended for the RFI (and for its challenge), marked as having responded.
        for (String need : List.of(rfiId, challenge)) {
            List<Map<String, Object>> ranked = as(buyer(LJUSDAL)).get("/api/v1/needs/" + need
                    + "/recommendations?limit=100").then().statusCode(200).extract().path("");
            assertThat(ranked).filteredOn(r -> List.of(shop, kitchen).contains(r.get("profileId")))
                    .hasSize(2).allMatch(r -> Boolean.TRUE.equals(r.get("responded")));
            assertThat(ranked).filteredOn(r -> !List.of(shop, kitchen).contains(r.get("profileId")))
                    .allMatch(r -> Boolean.FALSE.equals(r.get("responded")));
        }

        // Ljusdal shortlists it; the kitchen was in the shop's consortium.
        String shortlisted = newId();
        String late = newId();
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(responseEvent(shortlisted, EventTypes.RESPONSE_SHORTLISTED, rfiId, """
                    {"id": "%s", "rfiId": "%s", "challengeId": "%s", "organisationId": "%s",
                     "organisationName": "Ramsjö Lanthandel", "decision": "SHORTLISTED",
                     "decidedAt": "2026-04-02T09:00:00Z", "summary": "Butiken och campingköket tillsammans",
                     "consortium": [{"name": "Ramsjö Camping", "organisationId": "%s", "role": "kök"},
                                    {"name": "Byns förening", "organisationId": null, "role": "volontärer"}],
                     "futureField": {"ignored": true}}""".formatted(response, rfiId, challenge, shopOrg,
                    kitchenOrg))).get();
            // A stray earlier-stage event arriving after the decision, even one stamped later, does not undo it.
            p.send(responseEvent(late, EventTypes.RESPONSE_SUBMITTED, rfiId, """
                    {"id": "%s", "rfiId": "%s", "challengeId": "%s", "organisationId": "%s", "status": "SUBMITTED",
                     "version": 2, "submittedAt": "2026-04-10T10:00:00Z", "receiptSha256": "ab12"}"""
                    .formatted(response, rfiId, challenge, shopOrg))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", late) == 1);
        assertThat(Db.count("SELECT count(*) FROM response_signal WHERE rfi_id = ?::uuid AND state = 'SHORTLISTED'",
                rfiId)).isEqualTo(2);
        assertThat(mine(kitchenOrg)).doesNotContain(rfiId);

        // The buyer's export carries the decision as grade 3 for both; the co-buyer's does not (in rfi-service,
        // too, only the RFI's owner reads responses and decisions).
        Map<String, Object> export = as(buyer(LJUSDAL)).get("/api/v1/feedback/export").then().statusCode(200)
                .extract().path("");
        Map<String, Map<String, Integer>> relevance = (Map<String, Map<String, Integer>>) export.get("relevance");
        assertThat(relevance.get(rfiId)).containsEntry(shop, 3).containsEntry(kitchen, 3);
        assertThat((List<Map<String, Object>>) export.get("needs")).extracting(n -> n.get("key")).contains(rfiId);
        assertThat(export.toString()).doesNotContain("Anna Andersson", "Butiken och campingköket");
        Map<String, Object> other = as(buyer(HUDIKSVALL)).get("/api/v1/feedback/export").then().statusCode(200)
                .extract().path("");
        assertThat((Map<String, Object>) other.get("relevance")).doesNotContainKey(rfiId);
        assertThat(((Map<String, Map<String, Integer>>) as(admin()).get("/api/v1/feedback/export").then()
                .statusCode(200).extract().path("relevance")).get(rfiId)).containsEntry(shop, 3);
    }

    @Test
    void aMemberOfAWithdrawnConsortiumMayStillAnswerTheRespondentMayNot() throws Exception {
        UUID respondentOrg = UUID.randomUUID();
        UUID memberOrg = UUID.randomUUID();
        createProfile(respondentOrg, profile("Byköket Ramsjö", "SOCIAL_ENTERPRISE",
                "Byköket lagar varm mat till äldre i byn och kör ut den varje dag.", List.of("laga mat"),
                List.of("food", "elderly-care"), List.of("2161")));
        createProfile(memberOrg, profile("Ramsjö Matbud", "LOCAL_BUSINESS",
                "Vi kör ut varm mat till äldre i byarna runt Ramsjö varje dag.", List.of("hemleverans", "laga mat"),
                List.of("food", "elderly-care"), List.of("2161")));
        awaitIndexed(profileCount());
        String challenge = newId();
        publishAndAwait(challengeEvent(newId(), EventTypes.CHALLENGE_PUBLISHED, ramsjo(challenge, "PUBLISHED", 1),
                challenge), challenge, 1);
        String rfiId = newId();
        publishAndAwait(event(Topics.RFIS, newId(), EventTypes.RFI_OPENED, rfi(rfiId, challenge, LJUSDAL,
                "Varm mat till äldre i Ramsjö", "Hur kan maten lagas och levereras i byn varje dag?", "OPEN", 1),
                rfiId, "rfis/" + rfiId), rfiId, 1);
        assertThat(mine(memberOrg)).contains(rfiId);
        String response = newId();
        String submitted = newId();
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(responseEvent(submitted, EventTypes.RESPONSE_SUBMITTED, rfiId, """
                    {"id": "%s", "rfiId": "%s", "challengeId": "%s", "organisationId": "%s", "status": "SUBMITTED",
                     "version": 2, "submittedAt": "2026-03-20T10:00:00Z", "receiptSha256": "ab12",
                     "consortiumOrganisationIds": ["%s"]}""".formatted(response, rfiId, challenge, respondentOrg,
                    memberOrg))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !mine(memberOrg).contains(rfiId));
        String withdrawn = newId();
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(responseEvent(withdrawn, EventTypes.RESPONSE_WITHDRAWN, rfiId, """
                    {"id": "%s", "rfiId": "%s", "challengeId": "%s", "organisationId": "%s", "status": "WITHDRAWN",
                     "version": 3, "submittedAt": "2026-03-20T10:00:00Z", "withdrawnAt": "2026-03-21T10:00:00Z",
                     "receiptSha256": "ab12", "consortiumOrganisationIds": ["%s"]}""".formatted(response, rfiId,
                    challenge, respondentOrg, memberOrg))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", withdrawn) == 1);
        // The respondent cannot answer again (one response per organisation); the member can, on its own.
        assertThat(mine(respondentOrg)).doesNotContain(rfiId);
        assertThat(mine(memberOrg)).as(Db.rows("SELECT org_id, role, state FROM response_signal WHERE rfi_id ="
                + " ?::uuid", rfiId).toString()).contains(rfiId);
    }

    @Test
    void aBrokenResponseEventIsDeadLetteredAndTheNextApplied() throws Exception {
        UUID org = UUID.randomUUID();
        String rfiId = newId();
        String good = newId();
        try (EventTopic dlq = EventTopic.from(Topics.deadLetterOf(Topics.RESPONSES_INTERNAL));
                KafkaProducer<String, byte[]> p = producer()) {
            // Keyed like the next record (the RFI), so it shares its partition and comes first.
            p.send(responseEvent(newId(), EventTypes.RESPONSE_SUBMITTED, rfiId, """
                    {"id": "not-a-uuid", "rfiId": "%s", "organisationId": "%s", "status": "SUBMITTED"}"""
                    .formatted(rfiId, org))).get();
            p.send(responseEvent(good, EventTypes.RESPONSE_SUBMITTED, rfiId, """
                    {"id": "%s", "rfiId": "%s", "challengeId": "%s", "organisationId": "%s", "status": "SUBMITTED",
                     "version": 2, "submittedAt": "2026-03-20T10:00:00Z", "receiptSha256": "ab12"}"""
                    .formatted(newId(), rfiId, newId(), org))).get();
            assertThat(dlq.await(1, e -> rfiId.equals(e.key()))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("SELECT count(*) FROM response_signal WHERE rfi_id = ?::uuid AND org_id = ?::uuid", rfiId,
                        org.toString()) == 1);
    }

    private static ProducerRecord<String, byte[]> responseEvent(String eventId, String type, String key,
            String data) {
        return event(Topics.RESPONSES_INTERNAL, eventId, type, data, key, "rfis/" + key + "/responses");
    }

    private static List<Object> mine(UUID org) {
        return as(innovator(org)).get("/api/v1/recommendations/mine?size=100").then().statusCode(200).extract()
                .path("items.needId");
    }
}
