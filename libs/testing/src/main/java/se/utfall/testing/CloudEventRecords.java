package se.utfall.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

/** Records as another service's outbox relay writes them (CloudEvents in Kafka binary mode), for consumer tests. */
public final class CloudEventRecords {
    private CloudEventRecords() {
    }

    /** A producer on the test JVM's broker. */
    public static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", System.getProperty(UtfallTestResource.KAFKA));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A CloudEvent record: {@code data} as the JSON body, the attributes as {@code ce_*} headers. */
    public static ProducerRecord<String, byte[]> record(String topic, String source, String eventId, String type,
            String data, String key, String subject) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, data.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_id", eventId, "ce_source", source, "ce_type", type, "ce_specversion", "1.0",
                "ce_time", Instant.now().toString(), "ce_subject", subject, "content-type", "application/json")
                .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }
}
