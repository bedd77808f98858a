package se.utfall.testing;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

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
                    p.put("auto.create.topics.enable", "true");
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
