package se.utfall.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker: SmallRye's embedded single-node KRaft broker, or an external one named by
 * {@code UTFALL_KAFKA_BOOTSTRAP}. The embedded broker is reached through a {@link TcpProxy}, so tests can cut the
 * network to it as if it had gone away, and restore it.
 */
public final class Kafka implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;
    private final TcpProxy proxy;
    private final String bootstrap;

    private Kafka(EmbeddedKafkaBroker broker, TcpProxy proxy, String bootstrap) {
        this.broker = broker;
        this.proxy = proxy;
        this.bootstrap = bootstrap;
    }

    public static Kafka startOrConnect(int port) {
        String external = System.getenv("UTFALL_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return new Kafka(null, null, external);
        }
        // The advertised (proxy) port is bound first, so the broker's own random ports cannot take it.
        ServerSocket front = TcpProxy.bind(port);
        int advertised = front.getLocalPort();
        int brokerPort = freePort();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaPort(brokerPort)
                .withAdvertisedListeners("PLAINTEXT://localhost:" + advertised)
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(p -> {
                    // Topics are provisioned explicitly (createTopics), as in production: a missing one fails a test.
                    p.put("auto.create.topics.enable", "false");
                    p.put("num.partitions", "3");
                    p.put("offsets.topic.replication.factor", "1");
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("transaction.state.log.min.isr", "1");
                    p.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
        TcpProxy proxy = TcpProxy.start(front, "localhost", brokerPort);
        return new Kafka(broker, proxy, "localhost:" + advertised);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the topics that do not exist yet (3 partitions each, as the deployment provisions them). */
    public Kafka createTopics(Collection<String> topics) {
        createTopics(bootstrap, topics, 3);
        return this;
    }

    /** Creates the missing ones of {@code topics} on the cluster at {@code bootstrap}. */
    public static void createTopics(String bootstrap, Collection<String> topics, int partitions) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t)).distinct()
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics " + topics, e);
        }
    }

    public String bootstrapServers() {
        return bootstrap;
    }

    public boolean isEmbedded() {
        return broker != null;
    }

    /** The switch that cuts clients off the embedded broker; null for an external broker. */
    public TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
