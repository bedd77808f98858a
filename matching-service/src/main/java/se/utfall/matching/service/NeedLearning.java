package se.utfall.matching.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import se.utfall.events.CloudEvent;
import se.utfall.events.EventTypes;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.ranking.Concepts;
import se.utfall.messaging.inbox.PoisonEventException;
import se.utfall.web.json.JsonText;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Learns public needs from the challenge and RFI events (handed over by {@code consumer.NeedFeed}): the newest
 * version of each wins, an older or repeated
 * event changes nothing, so the index is the same however often and in whatever order the topics are replayed.
 * A need that became (or stayed) open is ranked at once, and its strong matches announced ({@link MatchNotices}).
 */
@ApplicationScoped
public class NeedLearning {
    public static final String CHALLENGE_CONSUMER = "matching-service.challenges";
    public static final String RFI_CONSUMER = "matching-service.rfis";
    private static final Set<String> CHALLENGE_TYPES = Set.of(EventTypes.CHALLENGE_PUBLISHED,
            EventTypes.CHALLENGE_UPDATED, EventTypes.CHALLENGE_CLOSED, EventTypes.CHALLENGE_ARCHIVED);
    private static final Set<String> RFI_TYPES = Set.of(EventTypes.RFI_PUBLISHED, EventTypes.RFI_OPENED,
            EventTypes.RFI_CLOSED, EventTypes.RFI_AMENDED, EventTypes.RFI_CANCELLED, EventTypes.RFI_EVALUATED);
    /** An RFI is worth recommending while one can still prepare for it or answer it. */
    private static final Set<String> RFI_OPEN = Set.of("SCHEDULED", "OPEN");
    private static final String UPSERT = """
            INSERT INTO need (id, kind, challenge_id, version, status, open, owner_org_id, owner_org_name, title,
                problem_statement, target_group, sectors, municipality_code, municipality_name, locality, language,
                closes_at, last_event_id, updated_at)
            VALUES (:id, :kind, :challenge, :version, :status, :open, :owner, :ownerName, :title, :problem, :target,
                :sectors, :municipality, :municipalityName, :locality, :language, :closesAt, :eventId, :at)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                open = EXCLUDED.open, owner_org_name = EXCLUDED.owner_org_name, title = EXCLUDED.title,
                problem_statement = EXCLUDED.problem_statement, target_group = EXCLUDED.target_group,
                sectors = EXCLUDED.sectors, municipality_code = EXCLUDED.municipality_code,
                municipality_name = EXCLUDED.municipality_name,
                locality = EXCLUDED.locality, language = EXCLUDED.language, closes_at = EXCLUDED.closes_at,
                last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at
            WHERE need.version < EXCLUDED.version""";
    private static final String CLEAR_BUYERS = "DELETE FROM need_buyer WHERE challenge_id = :id";
    private static final String ADD_BUYER = """
            INSERT INTO need_buyer (challenge_id, org_id) VALUES (:id, :org) ON CONFLICT DO NOTHING""";

    private final MatchNotices notices;

    public NeedLearning(MatchNotices notices) {
        this.notices = notices;
    }

    /**
     * Applies one event in the caller's transaction; {@code announce}: whether a need it opens is announced (not
     * when the index is rebuilt from old events: innovators hear of a need when it is published, not again).
     */
    public Uni<Void> apply(CloudEvent event, boolean announce) {
        if (CHALLENGE_TYPES.contains(event.type())) {
            return challenge(event, announce);
        }
        if (RFI_TYPES.contains(event.type())) {
            return rfi(event, announce);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> challenge(CloudEvent event, boolean announce) {
        JsonNode d = event.data();
        UUID id = uuid(d, "id");
        String status = d.path("status").asText();
        String problem = join(text(d, "summary"), text(d, "problemStatement"));
        List<String> sectors = new ArrayList<>();
        d.path("sectors").forEach(n -> sectors.add(n.asText()));
        List<UUID> coBuyers = new ArrayList<>();
        d.path("coBuyerOrgIds").forEach(n -> coBuyers.add(uuid(n.asText(), "coBuyerOrgIds")));
        String title = d.path("title").asText();
        Row row = new Row(id, NeedEntry.CHALLENGE, id, d.path("version").asLong(), status,
                "PUBLISHED".equals(status), uuid(d, "ownerOrgId"), text(d, "ownerOrgName"), title, problem,
                text(d, "targetGroup"), sectors, text(d, "municipalityCode"), text(d, "municipalityName"),
                text(d, "locality"),
                Concepts.guessLanguage(title + " " + problem), null);
        return Panache.getSession().chain(s -> upsert(s, row, event).chain(changed -> {
            if (changed == 0) {
                return Uni.createFrom().voidItem();
            }
            Uni<Integer> buyers = s.createNativeQuery(CLEAR_BUYERS).setParameter("id", id).executeUpdate();
            for (UUID org : coBuyers) {
                buyers = buyers.chain(() -> s.createNativeQuery(ADD_BUYER).setParameter("id", id)
                        .setParameter("org", org).executeUpdate());
            }
            return buyers.chain(() -> announce && row.open() ? notices.announce(id) : Uni.createFrom().voidItem());
        }));
    }

    private Uni<Void> rfi(CloudEvent event, boolean announce) {
        JsonNode d = event.data();
        UUID id = uuid(d, "id");
        String status = d.path("status").asText();
        String title = d.path("title").asText();
        String description = text(d, "description");
        Row row = new Row(id, NeedEntry.RFI, uuid(d, "challengeId"), d.path("version").asLong(), status,
                RFI_OPEN.contains(status), uuid(d, "ownerOrgId"), text(d, "ownerOrgName"), title, description, null,
                List.of(), text(d, "municipalityCode"), null, null, Concepts.guessLanguage(title + " " + description),
                instant(d, "closesAt"));
        return Panache.getSession().chain(s -> upsert(s, row, event).chain(changed ->
                announce && changed == 1 && row.open() ? notices.announce(id) : Uni.createFrom().voidItem()));
    }

    private record Row(UUID id, String kind, UUID challengeId, long version, String status, boolean open,
            UUID owner, String ownerName, String title, String problem, String target, List<String> sectors,
            String municipality, String municipalityName, String locality, String language, Instant closesAt) {
    }

    private static Uni<Integer> upsert(Mutiny.Session s, Row r, CloudEvent event) {
        return s.createNativeQuery(UPSERT)
                .setParameter("id", r.id())
                .setParameter("kind", r.kind())
                .setParameter("challenge", r.challengeId())
                .setParameter("version", r.version())
                .setParameter("status", r.status())
                .setParameter("open", r.open())
                .setParameter("owner", r.owner())
                .setParameter("ownerName", r.ownerName())
                .setParameter("title", r.title())
                .setParameter("problem", r.problem())
                .setParameter("target", r.target())
                .setParameter("sectors", JsonText.write(r.sectors()))
                .setParameter("municipality", r.municipality())
                .setParameter("municipalityName", r.municipalityName())
                .setParameter("locality", r.locality())
                .setParameter("language", r.language())
                .setParameter("closesAt", r.closesAt())
                .setParameter("eventId", event.id())
                .setParameter("at", event.time() == null ? Instant.now() : event.time())
                .executeUpdate();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "\n\n" + b;
    }

    private static String text(JsonNode d, String field) {
        JsonNode n = d.path(field);
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    public static Instant instant(JsonNode d, String field) {
        String t = text(d, field);
        try {
            return t == null ? null : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not a date-time: " + t);
        }
    }

    public static UUID uuid(JsonNode d, String field) {
        return uuid(d.path(field).asText(), field);
    }

    /** A malformed id cannot get better by retrying: the event is poison. */
    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}
