package se.utfall.finance;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.CloudEventRecords;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static se.utfall.finance.Fixtures.LJUSDAL;
import static se.utfall.finance.Fixtures.RAMSJO_SHOP;
import static se.utfall.finance.Fixtures.openCase;
import static se.utfall.finance.Fixtures.shortlisted;
import static se.utfall.testing.Api.anonymous;
import static se.utfall.testing.Api.as;
import static se.utfall.testing.Api.buyer;

/**
 * An investment case is linked to the procurement contract awarded to its response: finance-service learns it from
 * rfi-service's internal contract events (kind AWARD), once; phase contracts are not its business; an unreadable
 * contract event is dead-lettered and changes nothing.
 */
@QuarkusTest
class ProcurementAwardIT {

    private static ProducerRecord<String, byte[]> signed(String eventId, UUID contractId, Fixtures.Shortlisted s,
            String kind, String amount) {
        String data = """
                {"id": "%s", "procurementId": "%s", "rfiId": "%s", "challengeId": "%s", "ocid": "ocds-utfall-%s",
                 "kind": "%s", "phase": 2, "responseId": "%s", "organisationId": "%s",
                 "organisationName": "Ramsjö lanthandel", "memberOrgIds": [],
                 "value": {"amount": %s, "currency": "SEK"}, "startsOn": "2027-09-01", "endsOn": "2029-08-31",
                 "signedAt": "%s"}""".formatted(contractId, UUID.randomUUID(), s.rfiId(), s.challengeId(),
                UUID.randomUUID(), kind, s.responseId(), RAMSJO_SHOP, amount, Instant.now());
        return CloudEventRecords.record(Topics.RESPONSES_INTERNAL, "/utfall/rfi-service", eventId,
                EventTypes.PROCUREMENT_CONTRACT_SIGNED, data, s.rfiId().toString(),
                "rfis/" + s.rfiId() + "/procurement/contracts/" + contractId);
    }

    @Test
    void theCaseOfAnAwardedResponseShowsItsContractLearntOnce() throws Exception {
        Fixtures.Shortlisted s = shortlisted(LJUSDAL, true);
        String caseId = as(buyer(LJUSDAL)).body(openCase(s.responseId(), "2000000.00")).post("/api/v1/cases")
                .then().statusCode(201).body("procurementContract", nullValue()).extract().path("id");
        UUID phaseContract = UUID.randomUUID();
        UUID award = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> p = CloudEventRecords.producer()) {
            p.send(signed(UUID.randomUUID().toString(), phaseContract, s, "PHASE", "240000.00")).get();
            p.send(signed(eventId, award, s, "AWARD", "2800000.00")).get();
            // The same event again (a redelivery): applied once.
            p.send(signed(eventId, award, s, "AWARD", "2800000.00")).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM awarded_contract WHERE response_id = ?::uuid", s.responseId().toString()) == 1);
        anonymous().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("procurementContract.contractId", equalTo(award.toString()))
                .body("procurementContract.value.amount", equalTo(2_800_000.0f))
                .body("procurementContract.startsOn", equalTo("2027-09-01"));
        assertThat(Db.count("SELECT count(*) FROM awarded_contract WHERE id = ?::uuid", phaseContract.toString()))
                .isZero();
        anonymous().get("/api/v1/cases?size=100").then().statusCode(200);
    }

    /**
     * Contract events that are valid by their schema but cannot be kept — an id that is not a UUID, a negative
     * amount, one beyond money's digits, a currency that is not ISO 4217 — are dead-lettered, not retried for
     * ever, and nothing is stored; the case still reads.
     */
    @Test
    void unreadableContractEventsAreDeadLetteredAndChangeNothing() throws Exception {
        Fixtures.Shortlisted s = shortlisted(LJUSDAL, true);
        String caseId = as(buyer(LJUSDAL)).body(openCase(s.responseId(), "2000000.00")).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        UUID contract = UUID.randomUUID();
        List<String> poisons = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try (EventTopic dlq = EventTopic.from(Topics.deadLetterOf(Topics.RESPONSES_INTERNAL));
                KafkaProducer<String, byte[]> p = CloudEventRecords.producer()) {
            ProducerRecord<String, byte[]> good = signed(poisons.get(0), contract, s, "AWARD", "100.00");
            String broken = new String(good.value(), StandardCharsets.UTF_8).replace(s.responseId().toString(),
                    "not-a-uuid");
            p.send(new ProducerRecord<>(good.topic(), null, good.key(), broken.getBytes(StandardCharsets.UTF_8),
                    good.headers())).get();
            p.send(signed(poisons.get(1), contract, s, "AWARD", "-5.00")).get();
            p.send(signed(poisons.get(2), contract, s, "AWARD", "99999999999999999.00")).get();
            ProducerRecord<String, byte[]> zzz = signed(poisons.get(3), contract, s, "AWARD", "100.00");
            p.send(new ProducerRecord<>(zzz.topic(), null, zzz.key(), new String(zzz.value(), StandardCharsets.UTF_8)
                    .replace("\"SEK\"", "\"ZZZ\"").getBytes(StandardCharsets.UTF_8), zzz.headers())).get();
            assertThat(dlq.await(4, e -> s.rfiId().toString().equals(e.key())).stream().map(EventTopic.Event::id))
                    .containsExactlyInAnyOrderElementsOf(poisons);
        }
        assertThat(Db.count("SELECT count(*) FROM awarded_contract WHERE id = ?::uuid", contract.toString()))
                .isZero();
        anonymous().get("/api/v1/cases/" + caseId).then().statusCode(200).body("procurementContract", nullValue());
    }
}
