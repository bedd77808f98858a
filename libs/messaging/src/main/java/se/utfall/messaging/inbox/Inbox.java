package se.utfall.messaging.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import se.utfall.events.CloudEvent;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies each CloudEvent at most once per consumer: the {@code ce_id} is recorded in {@code inbox_event} in the
 * same transaction as the effect, so a redelivered event is skipped and a failed effect leaves no mark.
 *
 * <p>Use from an {@code @Incoming} method whose channel has {@code failure-strategy=dead-letter-queue}:
 * <ul>
 *   <li><b>Poison</b> goes to {@code <topic>.dlq} at once, with the reason in the {@code dead-letter-reason}
 *       header: a record that is not a CloudEvent, a known type whose data lacks what its schema requires, or an
 *       effect that throws {@link PoisonEventException} (the event breaks a rule; retrying cannot help).</li>
 *   <li><b>Anything else is transient</b> (database away, serialization failure, deadlock): the effect is retried
 *       with back-off on the record's own Vert.x context, for as long as it takes. The consumer holds the record
 *       meanwhile (the connector pauses its partitions) and resumes where it was; nothing is dead-lettered.</li>
 *   <li><b>Tolerant reader</b>: a type this build does not know is skipped; unknown fields are ignored; unknown
 *       enum values reach the effect as they are, to be handled as "other".</li>
 * </ul>
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
        if (!event.isKnownType()) {
            LOG.debugf("Skipping %s of unknown type %s (a newer producer); acknowledged", event.id(), event.type());
            return Uni.createFrom().voidItem();
        }
        AtomicInteger attempt = new AtomicInteger();
        Uni<Void> once = Uni.createFrom().deferred(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.id())
                        .setParameter("eventType", event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 0 ? Uni.createFrom().voidItem() : effect.apply(event))));
        // Hibernate Reactive runs only on a Vert.x context: every retry is subscribed on the record's own.
        Context context = Vertx.currentContext();
        if (context != null) {
            once = once.runSubscriptionOn(task -> context.runOnContext(v -> task.run()));
        }
        return once
                .onFailure(Inbox::isTransient).invoke(f -> {
                    int n = attempt.incrementAndGet();
                    if (n == 1 || n % 10 == 0) {
                        LOG.warnf("Event %s (%s) not applied yet, attempt %d: %s; retrying, the consumer waits",
                                event.id(), event.type(), n, f.toString());
                    }
                })
                .onFailure(Inbox::isTransient).retry().withBackOff(config.initialBackoff(), config.maxBackoff())
                .indefinitely()
                .onItem().invoke(() -> {
                    if (attempt.get() > 0) {
                        LOG.infof("Event %s applied after %d failed attempt(s)", event.id(), attempt.get());
                    }
                })
                .onFailure().invoke(f -> LOG.errorf("Dead-lettering event %s (%s): %s", event.id(), event.type(),
                        f.getMessage()));
    }

    /** Poison is what no retry can fix; everything else is worth waiting for. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException || t instanceof CloudEvent.InvalidEventException) {
                return false;
            }
        }
        return true;
    }

    /** Kafka headers as strings; the last value wins for a repeated name. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> map = new HashMap<>();
        for (Header h : record.headers()) {
            map.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
