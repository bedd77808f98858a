package se.utfall.messaging;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventTypes;
import se.utfall.testing.Db;
import se.utfall.testing.EventTopic;
import se.utfall.testing.UtfallTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consumers apply each event once, dead-letter what they cannot read, and carry on. */
@QuarkusTest
class InboxTest {
    private static final String TOPIC = "utfall.inboxtest.v1";

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", System.getProperty(UtfallTestResource.KAFKA));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> event(String eventId, String key, String body) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, key, body.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_id", eventId, "ce_source", "/utfall/test", "ce_type", EventTypes.WORKSHOP_SCHEDULED,
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
}
