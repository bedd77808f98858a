package se.utfall.finance;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.testing.CloudEventRecords;
import se.utfall.testing.Db;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static se.utfall.testing.CloudEventRecords.producer;

/** The organisations of finance's tests and the events it learns from (Ljusdal's Ramsjö challenge). */
final class Fixtures {
    static final UUID LJUSDAL = UUID.fromString("2161a000-0000-4000-8000-000000000001");
    static final UUID YSTAD = UUID.fromString("1286a000-0000-4000-8000-000000000006");
    static final UUID RAMSJO_SHOP = UUID.fromString("5e110000-0000-4000-8000-000000000003");
    static final UUID RISE = UUID.fromString("c0000000-0000-4000-8000-00000000000a");
    static final UUID GOAL_ALONE = UUID.fromString("90a10000-0000-4000-8000-000000000001");
    static final UUID GOAL_VISITS = UUID.fromString("90a10000-0000-4000-8000-000000000002");

    private Fixtures() {
    }

    /** A shortlisted response to a published Ramsjö challenge of {@code owner}, known to finance-service. */
    record Shortlisted(UUID challengeId, UUID rfiId, UUID responseId) {
    }

    static Shortlisted shortlisted(UUID owner, boolean shortlisted) {
        Shortlisted s = new Shortlisted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (KafkaProducer<String, byte[]> p = producer()) {
            p.send(challenge(s.challengeId(), owner)).get();
            p.send(decision(s, shortlisted)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(
                "SELECT count(*) FROM shortlisted_response WHERE id = ?::uuid", s.responseId().toString()) == 1
                && Db.count("SELECT count(*) FROM known_challenge WHERE id = ?::uuid",
                        s.challengeId().toString()) == 1);
        return s;
    }

    static ProducerRecord<String, byte[]> challenge(UUID id, UUID owner) {
        String data = """
                {"id": "%s", "ownerOrgId": "%s", "ownerOrgName": "Ljusdals kommun", "coBuyerOrgIds": [],
                 "observerOrgIds": [], "title": "Äldre i Ramsjö bor kvar hemma", "municipalityCode": "2161",
                 "municipalityName": "Ljusdal", "sectors": ["elderly-care"], "cpvCodes": [],
                 "sdgTargets": ["3.8", "11.2"],
                 "outcomeGoals": [{"id": "%s", "indicator": "Färre som känner sig ensamma", "unit": "personer",
                                   "baselineValue": 140, "targetValue": 80},
                                  {"id": "%s", "indicator": "Färre akuta besök", "unit": "besök per år",
                                   "baselineValue": 420, "targetValue": 260}],
                 "needInsights": [], "processTrail": [], "status": "PUBLISHED", "version": 1,
                 "createdAt": "2026-03-01T08:00:00Z", "updatedAt": "2026-03-01T08:00:00Z",
                 "publishedAt": "2026-03-02T08:00:00Z"}""".formatted(id, owner, GOAL_ALONE, GOAL_VISITS);
        return CloudEventRecords.record(Topics.CHALLENGES, "/utfall/challenge-service", UUID.randomUUID().toString(),
                EventTypes.CHALLENGE_PUBLISHED, data, id.toString(), "challenges/" + id);
    }

    static ProducerRecord<String, byte[]> decision(Shortlisted s, boolean shortlisted) {
        String data = """
                {"id": "%s", "rfiId": "%s", "challengeId": "%s", "organisationId": "%s",
                 "organisationName": "Ramsjö lanthandel", "decision": "%s", "decidedAt": "%s",
                 "summary": "Byakontor i lanthandeln", "consortium": [],
                 "estimatedAnnualCost": {"amount": 950000.00, "currency": "SEK"}, "weightedTotal": 4.2}"""
                .formatted(s.responseId(), s.rfiId(), s.challengeId(), RAMSJO_SHOP,
                        shortlisted ? "SHORTLISTED" : "NOT_SHORTLISTED", Instant.now());
        return CloudEventRecords.record(Topics.RESPONSES_INTERNAL, "/utfall/rfi-service", UUID.randomUUID().toString(),
                shortlisted ? EventTypes.RESPONSE_SHORTLISTED : EventTypes.RESPONSE_NOT_SHORTLISTED, data,
                s.rfiId().toString(), "responses/" + s.responseId());
    }

    static String openCase(UUID responseId, String capital) {
        return """
                {"responseId": "%s", "capitalRequired": {"amount": %s, "currency": "SEK"}, "durationMonths": 48,
                 "outcomeGoalIds": ["%s", "%s"]}""".formatted(responseId, capital, GOAL_ALONE, GOAL_VISITS);
    }

    /** A mandate that fits Ramsjö: elderly care, SDG 3.8, Ljusdal (or national), outcome-based. */
    static String mandate(String name, String ticketMin, String ticketMax, boolean national) {
        return """
                {"name": "%s", "sectors": ["elderly-care", "health"], "sdgTargets": ["3.8"],
                 "municipalityCodes": %s, "national": %s,
                 "ticketMin": {"amount": %s, "currency": "SEK"}, "ticketMax": {"amount": %s, "currency": "SEK"},
                 "instruments": ["OUTCOME_BASED", "LOAN"], "returnMinPercent": 2.5, "returnMaxPercent": 8,
                 "maxLossPercent": 20}""".formatted(name, national ? "[]" : "[\"2161\"]", national, ticketMin,
                ticketMax);
    }

    static String commitment(String amount, String tranche) {
        return """
                {"amount": {"amount": %s, "currency": "SEK"}, "tranche": "%s"}""".formatted(amount, tranche);
    }
}
