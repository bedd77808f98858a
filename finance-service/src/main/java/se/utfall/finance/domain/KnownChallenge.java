package se.utfall.finance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public Instant updatedAt;

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
