package se.utfall.rfi.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.utfall.events.CloudEvent;
import se.utfall.events.EventTypes;
import se.utfall.messaging.inbox.Inbox;
import se.utfall.messaging.inbox.PoisonEventException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Learns challenges from their public events: the newest version of each wins, an older or repeated event
 * changes nothing, so the read model is the same however often and in whatever order the topic is replayed.
 */
@ApplicationScoped
public class ChallengeFeed {
    static final String CONSUMER = "rfi-service.challenges";
    private static final Set<String> TYPES = Set.of(EventTypes.CHALLENGE_PUBLISHED, EventTypes.CHALLENGE_UPDATED,
            EventTypes.CHALLENGE_CLOSED, EventTypes.CHALLENGE_ARCHIVED);
    private static final String UPSERT = """
            INSERT INTO known_challenge (id, version, status, owner_org_id, owner_org_name, co_buyer_org_ids, title,
                municipality_code, municipality_name, public_data, last_event_id, updated_at)
            VALUES (:id, :version, :status, :owner, :ownerName, :coBuyers, :title, :municipality, :municipalityName,
                CAST(CAST(:data AS text) AS jsonb), :eventId, :at)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                owner_org_name = EXCLUDED.owner_org_name, co_buyer_org_ids = EXCLUDED.co_buyer_org_ids,
                title = EXCLUDED.title, municipality_code = EXCLUDED.municipality_code,
                municipality_name = EXCLUDED.municipality_name, public_data = EXCLUDED.public_data,
                last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at
            WHERE known_challenge.version < EXCLUDED.version""";

    private final Inbox inbox;

    public ChallengeFeed(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("challenges")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return inbox.handle(CONSUMER, record, this::apply);
    }

    Uni<Void> apply(CloudEvent event) {
        if (!TYPES.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        JsonNode d = event.data();
        UUID id = uuid(d, "id");
        UUID owner = uuid(d, "ownerOrgId");
        List<UUID> coBuyers = new ArrayList<>();
        d.path("coBuyerOrgIds").forEach(n -> coBuyers.add(uuid(n.asText(), "coBuyerOrgIds")));
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("id", id)
                .setParameter("version", d.path("version").asLong())
                .setParameter("status", d.path("status").asText())
                .setParameter("owner", owner)
                .setParameter("ownerName", text(d, "ownerOrgName"))
                .setParameter("coBuyers", coBuyers.toArray(new UUID[0]))
                .setParameter("title", d.path("title").asText())
                .setParameter("municipality", text(d, "municipalityCode"))
                .setParameter("municipalityName", text(d, "municipalityName"))
                .setParameter("data", d.toString())
                .setParameter("eventId", event.id())
                .setParameter("at", event.time() == null ? Instant.now() : event.time())
                .executeUpdate()
                .chain(changed -> changed == 0 ? Uni.createFrom().item(0) : s.createNativeQuery(RFI_NAMES)
                        .setParameter("id", id)
                        .setParameter("title", d.path("title").asText())
                        .setParameter("municipalityName", text(d, "municipalityName"))
                        .executeUpdate())).replaceWithVoid();
    }

    /**
     * The names RFIs show of their challenge, as the newest applied event gives them. Not the RFIs' content (no
     * amendment, no event), but what a read shows changed: the version moves on, so the ETag does and a cached
     * read is not revalidated with the old names.
     */
    private static final String RFI_NAMES = """
            UPDATE rfi SET challenge_title = :title, municipality_name = :municipalityName, version = version + 1
            WHERE challenge_id = :id AND (challenge_title IS DISTINCT FROM :title
                OR municipality_name IS DISTINCT FROM :municipalityName)""";

    private static String text(JsonNode d, String field) {
        JsonNode n = d.path(field);
        return n.isTextual() ? n.asText() : null;
    }

    private static UUID uuid(JsonNode d, String field) {
        return uuid(d.path(field).asText(), field);
    }

    /** A malformed id cannot get better by retrying: the event is poison. */
    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}
