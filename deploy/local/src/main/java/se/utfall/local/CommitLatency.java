package se.utfall.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * Commit → topic latency, as a partner's consumer sees it: reads a topic from its end for a while and compares
 * each record's arrival with its CloudEvent {@code time} (set when the change was written, in its transaction; so
 * this is an upper bound of commit → topic). Prints one line: {@code events=N p50_ms=… p95_ms=… max_ms=…}.
 * {@code ./mvnw -q -pl deploy/local exec:java -Dexec.args="latency utfall.challenges.v1 60"}
 */
public final class CommitLatency {
    private CommitLatency() {
    }

    public static void run(String bootstrap, String topic, int seconds) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        List<Long> millis = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            System.out.println("[bench] latency consumer ready on " + topic);
            Instant end = Instant.now().plusSeconds(seconds);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long arrived = System.currentTimeMillis();
                    Header time = r.headers().lastHeader("ce_time");
                    if (time != null) {
                        Instant written = Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
                        millis.add(arrived - written.toEpochMilli());
                    }
                }
            }
        }
        Collections.sort(millis);
        System.out.println(millis.isEmpty() ? "events=0" : String.format("events=%d p50_ms=%d p95_ms=%d max_ms=%d",
                millis.size(), percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1)));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
