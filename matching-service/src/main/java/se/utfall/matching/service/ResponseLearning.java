package se.utfall.matching.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.CloudEvent;
import se.utfall.events.EventTypes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Learns (from {@code consumer.ResponseFeed}) from the internal response events what innovators did with the
 * RFIs: who responded (and who was in the
 * consortium), who withdrew, whom the buyer shortlisted. Only that: the events carry no answers. A response only
 * moves forward (submitted, then withdrawn or decided), so a repeated or late event of an earlier stage changes
 * nothing.
 */
@ApplicationScoped
public class ResponseLearning {
    private static final Logger LOG = Logger.getLogger(ResponseLearning.class);
    public static final String CONSUMER = "matching-service.responses";
    public static final String RESPONDENT = "RESPONDENT";
    public static final String MEMBER = "MEMBER";
    private static final Map<String, String> STATES = Map.of(EventTypes.RESPONSE_SUBMITTED, "SUBMITTED",
            EventTypes.RESPONSE_WITHDRAWN, "WITHDRAWN", EventTypes.RESPONSE_SHORTLISTED, "SHORTLISTED",
            EventTypes.RESPONSE_NOT_SHORTLISTED, "NOT_SHORTLISTED");
    private static final String UPSERT = """
            INSERT INTO response_signal (rfi_id, org_id, response_id, role, state, stage, happened_at, last_event_id)
            VALUES (:rfi, :org, :response, :role, :state, :stage, :at, :eventId)
            ON CONFLICT (rfi_id, org_id, response_id) DO UPDATE SET role = EXCLUDED.role, state = EXCLUDED.state,
                stage = EXCLUDED.stage, happened_at = EXCLUDED.happened_at, last_event_id = EXCLUDED.last_event_id
            WHERE response_signal.stage < EXCLUDED.stage
               OR (response_signal.stage = EXCLUDED.stage AND response_signal.happened_at < EXCLUDED.happened_at)""";


    /** Applies one event in the caller's transaction; other types are ignored (a tolerant reader). */
    public Uni<Void> apply(CloudEvent event) {
        String state = STATES.get(event.type());
        if (state == null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode d = event.data();
        UUID rfi = NeedLearning.uuid(d, "rfiId");
        UUID response = NeedLearning.uuid(d, "id");
        Instant at = firstOf(NeedLearning.instant(d, "decidedAt"), NeedLearning.instant(d, "withdrawnAt"),
                NeedLearning.instant(d, "submittedAt"), event.time(), Instant.now());
        int stage = "SUBMITTED".equals(state) ? 1 : 2;
        List<Party> who = new ArrayList<>();
        UUID respondent = NeedLearning.uuid(d, "organisationId");
        who.add(new Party(respondent, RESPONDENT));
        // Members: by id in a submission or withdrawal, with names and roles in a decision.
        List<String> members = new ArrayList<>();
        d.path("consortiumOrganisationIds").forEach(n -> members.add(n.asText()));
        d.path("consortium").forEach(m -> {
            if (m.path("organisationId").isTextual()) {
                members.add(m.path("organisationId").asText());
            }
        });
        for (String member : members) {
            try {
                UUID org = UUID.fromString(member);
                if (!org.equals(respondent) && who.stream().noneMatch(p -> p.org().equals(org))) {
                    who.add(new Party(org, MEMBER));
                }
            } catch (IllegalArgumentException e) {
                // One unreadable member does not cost the respondent's and the others' signals.
                LOG.warnf("Event %s: a consortium member's organisation id is not a UUID; left out", event.id());
            }
        }
        return Panache.getSession().chain(s -> {
            Uni<Integer> done = Uni.createFrom().item(0);
            for (Party w : who) {
                done = done.chain(() -> s.createNativeQuery(UPSERT).setParameter("rfi", rfi)
                        .setParameter("org", w.org()).setParameter("response", response).setParameter("role", w.role())
                        .setParameter("state", state).setParameter("stage", stage).setParameter("at", at)
                        .setParameter("eventId", event.id()).executeUpdate());
            }
            return done.replaceWithVoid();
        });
    }

    private record Party(UUID org, String role) {
    }

    private static Instant firstOf(Instant... candidates) {
        for (Instant i : candidates) {
            if (i != null) {
                return i;
            }
        }
        throw new IllegalStateException("no instant");
    }
}
