package se.utfall.messaging.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import se.utfall.events.CloudEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies each CloudEvent at most once per consumer: the {@code ce_id} is recorded in {@code inbox_event} in the
 * same transaction as the effect, so a redelivered event is skipped and a failed effect leaves no mark.
 *
 * <p>Use from an {@code @Incoming} method whose channel has {@code failure-strategy=dead-letter-queue}: a record
 * that is not a valid Utfall CloudEvent fails with {@link CloudEvent.InvalidEventException} and is dead-lettered at
 * once with the reason in the {@code dead-letter-reason} header; any other failure (database down, a bug) is
 * retried with back-off first, then dead-lettered, and the consumer carries on with the next record.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String RECORD = """
            INSERT INTO inbox_event (consumer, event_id, event_type) VALUES (:consumer, :eventId, :eventType)
            ON CONFLICT DO NOTHING""";

    private final InboxConfig config;

    public Inbox(InboxConfig config) {
        this.config = config;
    }

    public Uni<Void> handle(String consumer, ConsumerRecord<String, byte[]> record,
            Function<CloudEvent, Uni<Void>> effect) {
        CloudEvent event;
        try {
            event = CloudEvent.parse(headers(record), record.key(), record.value());
        } catch (CloudEvent.InvalidEventException e) {
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.id())
                        .setParameter("eventType", event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem() : effect.apply(event)))
                .onFailure(failure -> !(failure instanceof CloudEvent.InvalidEventException))
                .retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxAttempts())
                .onFailure().invoke(f -> LOG.errorf(f, "Giving up on event %s (%s)", event.id(), event.type()));
    }

    /** Kafka headers as strings; the last value wins for a repeated name. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> map = new HashMap<>();
        for (Header h : record.headers()) {
            map.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }

    /** Retry policy for effects that fail for reasons other than a malformed event. */
    @io.smallrye.config.ConfigMapping(prefix = "utfall.inbox")
    public interface InboxConfig {
        @io.smallrye.config.WithDefault("200ms")
        Duration initialBackoff();

        @io.smallrye.config.WithDefault("10s")
        Duration maxBackoff();

        @io.smallrye.config.WithDefault("8")
        long maxAttempts();
    }
}
