package se.utfall.rfi.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A challenge as its last public event described it (see {@code messaging.ChallengeFeed}); the whole public state
 * is kept in {@code public_data} for what later needs it (the cost baseline, OCDS planning).
 */
@Entity
@Table(name = "known_challenge")
public class KnownChallenge extends PanacheEntityBase {
    @Id
    public UUID id;
    public long version;
    public String status;
    @Column(name = "owner_org_id")
    public UUID ownerOrgId;
    @Column(name = "owner_org_name")
    public String ownerOrgName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_buyer_org_ids", columnDefinition = "uuid[]")
    public List<UUID> coBuyerOrgIds = new ArrayList<>();
    public String title;
    @Column(name = "municipality_code")
    public String municipalityCode;
    @Column(name = "municipality_name")
    public String municipalityName;
    /** The challenge's public state as its last event gave it (written by the feed only). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_data", insertable = false, updatable = false)
    public JsonNode publicData;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }

    /** The owner and the co-buyers: the organisations that may run RFIs on it. */
    public boolean isBuyer(UUID organisation) {
        return organisation != null && (organisation.equals(ownerOrgId) || coBuyerOrgIds.contains(organisation));
    }
}
