package se.utfall.finance.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.utfall.web.json.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A challenge as its last public event described it; written only by the challenge feed (an upsert by version). */
@Entity
@Table(name = "known_challenge")
public class KnownChallenge extends PanacheEntityBase {
    @Id
    public UUID id;
    public long version;
    public String status;
    @Column(name = "owner_org_id")
    public UUID ownerOrgId;
    @Column(name = "buyer_org_ids")
    public String buyerOrgIds;
    public String title;
    @Column(name = "municipality_code")
    public String municipalityCode;
    public String sectors;
    @Column(name = "sdg_targets")
    public String sdgTargets;
    @Column(name = "outcome_goal_ids")
    public String outcomeGoalIds;
    /** JSON: the outcome goals as described (indicator, unit, baseline, target); null before finance learnt them. */
    @Column(name = "outcome_goals")
    public String outcomeGoals;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** An outcome goal as the challenge describes it. */
    public record Goal(UUID id, String indicator, String unit, BigDecimal baselineValue, BigDecimal targetValue) {
    }

    public List<Goal> goals() {
        return outcomeGoals == null ? List.of() : JsonText.read(outcomeGoals, new TypeReference<List<Goal>>() { });
    }

    /** The owner and the co-buyers: the organisations that may open a case for a response to it. */
    public List<UUID> buyers() {
        return JsonLists.ids(buyerOrgIds);
    }

    public List<String> sectorList() {
        return JsonLists.strings(sectors);
    }

    public List<String> sdgTargetList() {
        return JsonLists.strings(sdgTargets);
    }

    public List<UUID> goalIds() {
        return JsonLists.ids(outcomeGoalIds);
    }
}
