package se.utfall.finance.consumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.finance.service.Learning;
import se.utfall.messaging.inbox.Inbox;

/** Challenge events, once each through the inbox, into {@link Learning}. */
@ApplicationScoped
public class ChallengeFeed {
    private final Inbox inbox;
    private final Learning learning;

    public ChallengeFeed(Inbox inbox, Learning learning) {
        this.inbox = inbox;
        this.learning = learning;
    }

    @Incoming("challenges")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.handle(Learning.CHALLENGE_CONSUMER, record, learning::challenge);
    }
}
