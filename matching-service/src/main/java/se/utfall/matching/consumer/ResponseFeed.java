package se.utfall.matching.consumer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.matching.service.ResponseLearning;
import se.utfall.messaging.inbox.Inbox;

/** The internal response events, once each through the inbox, into {@link ResponseLearning}. */
@ApplicationScoped
public class ResponseFeed {
    private final Inbox inbox;
    private final ResponseLearning responses;

    public ResponseFeed(Inbox inbox, ResponseLearning responses) {
        this.inbox = inbox;
        this.responses = responses;
    }

    @Incoming("responses")
    public Uni<Void> responses(ConsumerRecord<String, byte[]> record) {
        return inbox.handle(ResponseLearning.CONSUMER, record, responses::apply);
    }
}
