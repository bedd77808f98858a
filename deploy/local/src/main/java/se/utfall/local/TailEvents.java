package se.utfall.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Prints the CloudEvents on a topic, from the beginning, as a partner's plain Kafka consumer sees them:
 * {@code ./mvnw -q -pl deploy/local exec:java -Dexec.args="tail utfall.challenges.v1"}. Ctrl-C stops.
 */
public final class TailEvents {
    private TailEvents() {
    }

    public static void run(String bootstrap, String topic) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            System.out.println("# " + topic + " on " + bootstrap + " (Ctrl-C to stop)");
            while (true) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    StringBuilder sb = new StringBuilder("--- partition ").append(r.partition()).append(" offset ")
                            .append(r.offset()).append(" key ").append(r.key()).append('\n');
                    for (Header h : r.headers()) {
                        sb.append(h.key()).append(": ").append(new String(h.value(), StandardCharsets.UTF_8))
                                .append('\n');
                    }
                    sb.append(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(r.value())));
                    System.out.println(sb);
                }
            }
        }
    }
}
