package se.utfall.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.messaging.inbox.Inbox;
import se.utfall.messaging.inbox.PoisonEventException;

import java.util.concurrent.atomic.AtomicInteger;

/** A consumer as a service would write one: every effect goes through the inbox. */
@ApplicationScoped
public class WorkshopCounter {
    /** Tests set this to make the next effects fail as a deadlock or a lost connection would. */
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    /** Tests set this to play a consumer whose rule was fixed: "poison" is a fine title after all. */
    public static volatile boolean poisonAccepted;

    private final Inbox inbox;

    public WorkshopCounter(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("test-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.handle("workshop-counter", record, event -> {
            if (!poisonAccepted && "poison".equals(event.data().path("title").asText())) {
                throw new PoisonEventException("a workshop cannot be called poison");
            }
            if (FAIL_NEXT.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return Uni.createFrom().failure(new IllegalStateException("simulated deadlock"));
            }
            return Panache.getSession()
                    .chain(s -> s.createNativeQuery("INSERT INTO test_effect (event_id, workshop_id) VALUES (:e, :w)")
                            .setParameter("e", event.id())
                            .setParameter("w", event.data().path("id").asText())
                            .executeUpdate())
                    .replaceWithVoid();
        });
    }
}
