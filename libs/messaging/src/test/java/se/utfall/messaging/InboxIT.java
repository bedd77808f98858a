package se.utfall.messaging;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.messaging.inbox.DeadLetterRedrive;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;
import se.utfall.testing.TcpProxy;
import se.utfall.testing.UtfallTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Consumers apply each event once, dead-letter what they cannot read, and carry on. */
@QuarkusTest
class InboxIT {
    private static final String TOPIC = "utfall.inboxtest.v1";

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", System.getProperty(UtfallTestResource.KAFKA));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> event(String eventId, String key, String body) {
        return event(eventId, key, body, EventTypes.WORKSHOP_SCHEDULED);
    }

    private static ProducerRecord<String, byte[]> event(String eventId, String key, String body, String type) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, key, body.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_id", eventId, "ce_source", "/utfall/test", "ce_type", type,
                "ce_specversion", "1.0", "ce_time", "2026-11-22T10:00:00Z")
                .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    private static String workshop(String id) {
        return """
                {"id": "%s", "challengeId": "6f1d2c3b-0000-4000-8000-000000000002", "title": "Workshop",
                 "startsAt": "2026-12-10T13:00:00Z", "endsAt": "2026-12-10T16:00:00Z",
                 "capacity": 20, "registeredCount": 0, "seatsLeft": 20}""".formatted(id);
    }

    @AfterEach
    void restore() {
        WorkshopCounter.FAIL_NEXT.set(0);
        WorkshopCounter.poisonAccepted = false;
        if (TcpProxy.available(TcpProxy.POSTGRES_SWITCH)) {
            TcpProxy.setCut(TcpProxy.POSTGRES_SWITCH, false);
        }
    }

    private static long effects(String workshopId) {
        return Db.count("SELECT count(*) FROM test_effect WHERE workshop_id = ?", workshopId);
    }

    @Test
    void anEffectThatFailsOnceIsAppliedExactlyOnceAndNothingIsDeadLettered() throws Exception {
        String workshop = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(TOPIC + ".dlq"); KafkaProducer<String, byte[]> producer = producer()) {
            WorkshopCounter.FAIL_NEXT.set(3);
            producer.send(event(UUID.randomUUID().toString(), key, workshop(workshop))).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> effects(workshop) == 1);
            assertThat(WorkshopCounter.FAIL_NEXT.get()).as("the failures were really injected").isZero();
            assertThat(dlq.collect(e -> key.equals(e.key()), Duration.ofSeconds(2))).isEmpty();
            assertThat(effects(workshop)).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseOutageLongerThanAnyRetryBudgetDeadLettersNothingAndTheConsumerResumes() throws Exception {
        assumeTrue(TcpProxy.available(TcpProxy.POSTGRES_SWITCH), "needs the embedded PostgreSQL behind its proxy");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(TOPIC + ".dlq"); KafkaProducer<String, byte[]> producer = producer()) {
            TcpProxy.setCut(TcpProxy.POSTGRES_SWITCH, true);
            producer.send(event(UUID.randomUUID().toString(), key, workshop(first))).get();
            producer.send(event(UUID.randomUUID().toString(), key, workshop(second))).get();
            // Back-off here is 50–200 ms: eight seconds are dozens of failed attempts.
            assertThat(dlq.collect(e -> key.equals(e.key()), Duration.ofSeconds(8))).isEmpty();
            TcpProxy.setCut(TcpProxy.POSTGRES_SWITCH, false);
            await().atMost(Duration.ofSeconds(60)).until(() -> effects(first) == 1 && effects(second) == 1);
            assertThat(dlq.collect(e -> key.equals(e.key()), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aTolerantReaderSkipsFutureTypesAcceptsExtraFieldsAndDeadLettersRuleBreakers() throws Exception {
        String future = UUID.randomUUID().toString();
        String extra = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(TOPIC + ".dlq"); KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(event(UUID.randomUUID().toString(), key, workshop(future),
                    "se.utfall.workshop.moved-online.v1")).get();
            producer.send(event(UUID.randomUUID().toString(), key,
                    workshop(extra).replace("\"capacity\": 20", "\"capacity\": 20, \"hybrid\": true"))).get();
            producer.send(event(UUID.randomUUID().toString(), "poison-" + key,
                    workshop(poison).replace("\"title\": \"Workshop\"", "\"title\": \"poison\""))).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> effects(extra) == 1);
            var dead = dlq.await(1, e -> e.key().equals("poison-" + key));
            assertThat(dead.get(0).header("dead-letter-reason")).contains("cannot be called poison");
            assertThat(effects(future)).as("an unknown type has no effect").isZero();
            assertThat(dlq.collect(e -> key.equals(e.key()), Duration.ofSeconds(1)))
                    .as("neither the future type nor the extra field is poison").isEmpty();
        }
    }

    @Test
    void aRedeliveredEventIsAppliedOnceAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        try (EventTopic dlq = EventTopic.from(TOPIC + ".dlq"); KafkaProducer<String, byte[]> producer = producer()) {
            // One key, so one partition: the redelivery and the later event are consumed in this order.
            String key = UUID.randomUUID().toString();
            producer.send(event(eventId, key, workshop(first))).get();
            producer.send(event(eventId, key, workshop(first))).get();
            producer.send(event(UUID.randomUUID().toString(), "garbage", "{this is not json")).get();
            producer.send(event(UUID.randomUUID().toString(), "invalid", "{\"id\": \"x\"}")).get();
            producer.send(event(UUID.randomUUID().toString(), key, workshop(second))).get();

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Db.count("SELECT count(*) FROM test_effect WHERE workshop_id = ?", second) == 1);
            assertThat(Db.count("SELECT count(*) FROM test_effect WHERE workshop_id = ?", first))
                    .as("the duplicate delivery had no effect").isEqualTo(1);
            assertThat(Db.count("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isEqualTo(1);

            var dead = dlq.await(2, e -> true);
            assertThat(dead).extracting(EventTopic.Event::key).containsExactlyInAnyOrder("garbage", "invalid");
            EventTopic.Event garbage = dead.stream().filter(e -> e.key().equals("garbage")).findFirst().orElseThrow();
            EventTopic.Event invalid = dead.stream().filter(e -> e.key().equals("invalid")).findFirst().orElseThrow();
            assertThat(garbage.header("dead-letter-reason")).contains("not valid JSON");
            assertThat(invalid.header("dead-letter-reason")).contains("schema");
            assertThat(garbage.header("dead-letter-topic")).isEqualTo(TOPIC);
        }
    }

    /** After the consumer's rule is fixed, the operator redrives the dead letters and they are applied once. */
    @Test
    void deadLettersCanBeRedrivenOnceTheCauseIsFixed() throws Exception {
        String workshop = UUID.randomUUID().toString();
        String key = "redrive-" + UUID.randomUUID();
        String dlqTopic = TOPIC + ".dlq";
        try (EventTopic dlq = EventTopic.from(dlqTopic); KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(event(UUID.randomUUID().toString(), key,
                    workshop(workshop).replace("\"title\": \"Workshop\"", "\"title\": \"poison\""))).get();
            dlq.await(1, e -> key.equals(e.key()));
        }
        assertThat(effects(workshop)).isZero();
        WorkshopCounter.poisonAccepted = true;
        String bootstrap = System.getProperty(UtfallTestResource.KAFKA);
        assertThat(DeadLetterRedrive.redrive(bootstrap, dlqTopic, false))
                .isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(workshop) == 1);
        // Running it again (other tests' garbage may bounce back) never applies an event twice.
        DeadLetterRedrive.redrive(bootstrap, dlqTopic, false);
        Thread.sleep(2_000);
        assertThat(effects(workshop)).isEqualTo(1);
    }
}
