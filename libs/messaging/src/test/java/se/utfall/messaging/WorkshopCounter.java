package se.utfall.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.messaging.inbox.Inbox;

/** A consumer as a service would write one: every effect goes through the inbox. */
@ApplicationScoped
public class WorkshopCounter {
    private final Inbox inbox;

    public WorkshopCounter(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("test-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.handle("workshop-counter", record, event -> Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO test_effect (event_id, workshop_id) VALUES (:e, :w)")
                        .setParameter("e", event.id())
                        .setParameter("w", event.data().path("id").asText())
                        .executeUpdate())
                .replaceWithVoid());
    }
}
