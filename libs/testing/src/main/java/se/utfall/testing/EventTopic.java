package se.utfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Reads a topic from "now" on, as a partner would: plain Kafka consumer, CloudEvents in binary mode. Create it
 * before the action under test, then {@link #await} the events it should have caused.
 */
public final class EventTopic implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Event> seen = new ArrayList<>();

    /** One record: headers, key and JSON body. */
    public record Event(String topic, int partition, long offset, String key, Map<String, String> headers,
            JsonNode body) {
        public String header(String name) {
            return headers.get(name);
        }

        public String type() {
            return headers.get("ce_type");
        }

        public String subject() {
            return headers.get("ce_subject");
        }

        public String id() {
            return headers.get("ce_id");
        }
    }

    private EventTopic(String topic, String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (partitions.isEmpty()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            if (partitions.isEmpty() && System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("topic " + topic + " did not appear");
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Starts reading {@code topic} at its current end, on the test JVM's broker. */
    public static EventTopic from(String topic) {
        return new EventTopic(topic, System.getProperty(UtfallTestResource.KAFKA));
    }

    /** Starts reading {@code topic} from the beginning. */
    public static EventTopic fromBeginning(String topic) {
        EventTopic t = new EventTopic(topic, System.getProperty(UtfallTestResource.KAFKA));
        t.consumer.seekToBeginning(t.consumer.assignment());
        return t;
    }

    /** Waits until {@code count} events matching {@code filter} arrived; returns them in arrival order. */
    public List<Event> await(int count, Predicate<Event> filter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Event> matching = seen.stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " matching events within " + timeout + ", got "
                        + matching.size() + ": " + matching.stream().map(Event::type).toList());
            }
            poll(Duration.ofMillis(200));
        }
    }

    public List<Event> await(int count, Predicate<Event> filter) {
        return await(count, filter, Duration.ofSeconds(30));
    }

    /** All matching events that arrive within {@code window}: use to assert that nothing (more) was published. */
    public List<Event> collect(Predicate<Event> filter, Duration window) {
        Instant end = Instant.now().plus(window);
        while (Instant.now().isBefore(end)) {
            poll(Duration.ofMillis(200));
        }
        return seen.stream().filter(filter).toList();
    }

    public static Predicate<Event> about(Object subjectOrKey) {
        String s = String.valueOf(subjectOrKey);
        return e -> s.equals(e.key()) || s.equals(e.subject());
    }

    private void poll(Duration d) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(d)) {
            Map<String, String> headers = new HashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            JsonNode body;
            try {
                body = r.value() == null ? null : MAPPER.readTree(r.value());
            } catch (IOException e) {
                body = MAPPER.getNodeFactory().textNode(new String(r.value(), StandardCharsets.UTF_8));
            }
            seen.add(new Event(r.topic(), r.partition(), r.offset(), r.key(), headers, body));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
