package se.utfall.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Sends dead-lettered records back to the topic they came from (header {@code dead-letter-topic}), once the cause
 * is fixed (a consumer bug, a rule that was wrong). Key, value and CloudEvent headers are kept, the dead-letter
 * headers dropped; consumers are idempotent by {@code ce_id}, so a record that had been applied after all is
 * skipped. Progress is kept as the offsets of consumer group {@code utfall-redrive-<dlq>}: each dead letter is
 * redriven once, and a second run sends only what arrived since.
 *
 * <pre>
 * ./mvnw -q -pl deploy/local exec:java \
 *     -Dexec.args="redrive utfall.challenges.v1.dlq [--bootstrap host:9092] [--dry-run]"
 * </pre>
 */
public final class DeadLetterRedrive {
    private DeadLetterRedrive() {
    }

    /** Redrives what is on {@code dlqTopic} now; returns how many records were sent (or would be, dry). */
    public static int redrive(String bootstrap, String dlqTopic, boolean dryRun) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "utfall-redrive-" + dlqTopic);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        int sent = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new ByteArraySerializer())) {
            consumer.subscribe(List.of(dlqTopic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(2));
                if (records.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                emptyPolls = 0;
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    Header origin = r.headers().lastHeader("dead-letter-topic");
                    if (origin == null) {
                        System.out.printf("skip %s-%d@%d: no dead-letter-topic header%n", r.topic(), r.partition(),
                                r.offset());
                    } else {
                        String topic = new String(origin.value(), StandardCharsets.UTF_8);
                        Header reason = r.headers().lastHeader("dead-letter-reason");
                        System.out.printf("%s %s-%d@%d -> %s (key %s)%s%n", dryRun ? "would redrive" : "redrive",
                                r.topic(), r.partition(), r.offset(), topic, r.key(), reason == null ? ""
                                        : ": was " + new String(reason.value(), StandardCharsets.UTF_8));
                        if (!dryRun) {
                            ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, r.key(), r.value());
                            for (Header h : r.headers()) {
                                if (!h.key().startsWith("dead-letter-")) {
                                    out.headers().add(h);
                                }
                            }
                            producer.send(out).get();
                        }
                        sent++;
                    }
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                if (!dryRun) {
                    consumer.commitSync(done);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a redriven record: " + e.getCause(), e);
        }
        return sent;
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: redrive <topic>.dlq [--bootstrap host:port] [--dry-run]");
            System.exit(2);
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092");
        boolean dry = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--bootstrap") && i + 1 < args.length) {
                bootstrap = args[++i];
            } else if (args[i].equals("--dry-run")) {
                dry = true;
            }
        }
        int n = redrive(bootstrap, args[0], dry);
        System.out.printf("%d record(s) %s%n", n, dry ? "would be redriven" : "redriven");
    }
}
