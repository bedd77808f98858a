package se.utfall.matching.consumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.matching.service.NeedLearning;
import se.utfall.messaging.inbox.Inbox;

/** Challenge and RFI events, once each through the inbox, into {@link NeedLearning}. */
@ApplicationScoped
public class NeedFeed {
    private final Inbox inbox;
    private final NeedLearning needs;

    public NeedFeed(Inbox inbox, NeedLearning needs) {
        this.inbox = inbox;
        this.needs = needs;
    }

    @Incoming("challenges")
    public Uni<Void> challenges(ConsumerRecord<String, byte[]> record) {
        return inbox.handle(NeedLearning.CHALLENGE_CONSUMER, record, e -> needs.apply(e, true));
    }

    @Incoming("rfis")
    public Uni<Void> rfis(ConsumerRecord<String, byte[]> record) {
        return inbox.handle(NeedLearning.RFI_CONSUMER, record, e -> needs.apply(e, true));
    }
}
