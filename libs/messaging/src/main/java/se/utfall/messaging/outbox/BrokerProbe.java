package se.utfall.messaging.outbox;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import se.utfall.messaging.outbox.OutboxRelay.Failure;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the relay asks the broker before it sends: whether a topic exists (cached while it does) and whether the
 * cluster answers at all, which tells a broker that is away (wait, never dead-letter) from a refused record.
 */
final class BrokerProbe {
    private final Admin admin;
    private final Set<String> knownTopics = new HashSet<>();

    BrokerProbe(Map<String, String> producerSettings, String bootstrapServers) {
        this.admin = Admin.create(properties(producerSettings, bootstrapServers));
    }

    /**
     * Null when records for {@code topic} can be sent now; {@code UNKNOWN_TOPIC} when the broker answers that it
     * does not exist; {@code TRANSIENT} when no metadata can be had (the broker is away).
     */
    Failure topicState(String topic, KafkaProducer<String, byte[]> producer) {
        if (!topicExists(topic)) {
            return Failure.UNKNOWN_TOPIC;
        }
        try {
            producer.partitionsFor(topic);
            return null;
        } catch (KafkaException e) {
            knownTopics.remove(topic);
            return Failure.TRANSIENT;
        }
    }

    /**
     * Whether the broker has the topic. Known topics are cached; an unknown one is asked about again in every round
     * that has rows for it. When no broker answers, the send is attempted and fails as a transient error.
     */
    boolean topicExists(String topic) {
        if (knownTopics.contains(topic)) {
            return true;
        }
        // Asked at most once per topic and round (the caller caches the answer for the round).
        try {
            Set<String> names = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            knownTopics.clear();
            knownTopics.addAll(names);
            return names.contains(topic);
        } catch (ExecutionException | TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    boolean clusterReachable() {
        try {
            admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void close() {
        admin.close(Duration.ofSeconds(2));
    }

    /** The producer's security settings (SASL, TLS) apply to the probe too. */
    private static Properties properties(Map<String, String> producerSettings, String bootstrapServers) {
        Properties p = new Properties();
        producerSettings.forEach((k, v) -> {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                p.put(k, v);
            }
        });
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return p;
    }
}
