package se.utfall.finance.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What this service learns from other services' events, written in the consumer's transaction. Every write is an
 * upsert guarded by the source's order (a challenge's version, a decision's time), so a repeated or late event
 * changes nothing and a replay rebuilds the same rows.
 */
@ApplicationScoped
public class ReadModels {
    private static final String CHALLENGE = """
            INSERT INTO known_challenge (id, version, status, owner_org_id, buyer_org_ids, title, municipality_code,
                sectors, sdg_targets, outcome_goal_ids, outcome_goals, last_event_id, updated_at)
            VALUES (:id, :version, :status, :owner, :buyers, :title, :municipality, :sectors, :sdgs, :goals,
                :outcomeGoals, :eventId, :at)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                buyer_org_ids = EXCLUDED.buyer_org_ids, title = EXCLUDED.title,
                municipality_code = EXCLUDED.municipality_code, sectors = EXCLUDED.sectors,
                sdg_targets = EXCLUDED.sdg_targets, outcome_goal_ids = EXCLUDED.outcome_goal_ids,
                outcome_goals = EXCLUDED.outcome_goals,
                last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at
            WHERE known_challenge.version < EXCLUDED.version""";
    private static final String DECISION = """
            INSERT INTO shortlisted_response (id, rfi_id, challenge_id, organisation_id, organisation_name,
                estimated_annual_cost, currency, shortlisted, decided_at, last_event_id)
            VALUES (:id, :rfi, :challenge, :org, :orgName, :cost, :currency, :shortlisted, :at, :eventId)
            ON CONFLICT (id) DO UPDATE SET organisation_name = EXCLUDED.organisation_name,
                estimated_annual_cost = EXCLUDED.estimated_annual_cost, currency = EXCLUDED.currency,
                shortlisted = EXCLUDED.shortlisted, decided_at = EXCLUDED.decided_at,
                last_event_id = EXCLUDED.last_event_id
            WHERE shortlisted_response.decided_at < EXCLUDED.decided_at""";

    private static final String AWARD = """
            INSERT INTO awarded_contract (id, procurement_id, rfi_id, response_id, organisation_id, ocid, value,
                currency, starts_on, ends_on, signed_at, last_event_id)
            VALUES (:id, :procurement, :rfi, :response, :org, :ocid, :value, :currency, :starts, :ends, :signed,
                :eventId)
            ON CONFLICT (id) DO NOTHING""";

    /** A contract awarded after a procurement's last phase; a contract never changes once signed. */
    public record AwardRow(UUID contractId, UUID procurementId, UUID rfiId, UUID responseId, UUID organisationId,
            String ocid, BigDecimal value, String currency, LocalDate startsOn, LocalDate endsOn, Instant signedAt) {
    }

    /** A challenge's public state at {@code version}; lists are JSON arrays. */
    public record ChallengeRow(UUID id, long version, String status, UUID owner, String buyersJson, String title,
            String municipalityCode, String sectorsJson, String sdgTargetsJson, String goalIdsJson,
            String goalsJson) {
    }

    /** A buyer's decision on a response. */
    public record DecisionRow(UUID responseId, UUID rfiId, UUID challengeId, UUID organisationId,
            String organisationName, BigDecimal estimatedAnnualCost, String currency, boolean shortlisted,
            Instant decidedAt) {
    }

    public Uni<Void> challenge(ChallengeRow r, String eventId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CHALLENGE)
                .setParameter("id", r.id()).setParameter("version", r.version()).setParameter("status", r.status())
                .setParameter("owner", r.owner()).setParameter("buyers", r.buyersJson())
                .setParameter("title", r.title()).setParameter("municipality", r.municipalityCode())
                .setParameter("sectors", r.sectorsJson()).setParameter("sdgs", r.sdgTargetsJson())
                .setParameter("goals", r.goalIdsJson())
                .setParameter("outcomeGoals", r.goalsJson()).setParameter("eventId", eventId).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> award(AwardRow r, String eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(AWARD)
                .setParameter("id", r.contractId()).setParameter("procurement", r.procurementId())
                .setParameter("rfi", r.rfiId()).setParameter("response", r.responseId())
                .setParameter("org", r.organisationId()).setParameter("ocid", r.ocid())
                .setParameter("value", r.value()).setParameter("currency", r.currency())
                .setParameter("starts", r.startsOn()).setParameter("ends", r.endsOn())
                .setParameter("signed", r.signedAt()).setParameter("eventId", eventId)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> decision(DecisionRow r, String eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DECISION)
                .setParameter("id", r.responseId()).setParameter("rfi", r.rfiId())
                .setParameter("challenge", r.challengeId()).setParameter("org", r.organisationId())
                .setParameter("orgName", r.organisationName()).setParameter("cost", r.estimatedAnnualCost())
                .setParameter("currency", r.currency()).setParameter("shortlisted", r.shortlisted())
                .setParameter("at", r.decidedAt()).setParameter("eventId", eventId)
                .executeUpdate()).replaceWithVoid();
    }
}
