package se.utfall.matching.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import se.utfall.web.json.JsonText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A public need as the index knows it: a published challenge, or an RFI on one. Written only by the feed's
 * version-guarded upsert ({@code NeedFeed}), read here.
 */
@Entity
@Immutable
@Table(name = "need")
public class NeedEntry extends PanacheEntityBase {
    public static final String CHALLENGE = "CHALLENGE";
    public static final String RFI = "RFI";

    @Id
    public UUID id;
    public String kind;
    @Column(name = "challenge_id")
    public UUID challengeId;
    public long version;
    public String status;
    public boolean open;
    @Column(name = "owner_org_id")
    public UUID ownerOrgId;
    @Column(name = "owner_org_name")
    public String ownerOrgName;
    public String title;
    @Column(name = "problem_statement")
    public String problemStatement;
    @Column(name = "target_group")
    public String targetGroup;
    public String sectors;
    @Column(name = "municipality_code")
    public String municipalityCode;
    @Column(name = "municipality_name")
    public String municipalityName;
    public String locality;
    public String language;
    @Column(name = "closes_at")
    public Instant closesAt;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * What identifies the content the ranking reads: an RFI also reads its challenge, so a change to either is a
     * change of the need.
     */
    public long rankingVersion(NeedEntry challenge) {
        return RFI.equals(kind) && challenge != null ? version * 1_000_003L + challenge.version : version;
    }

    /** The municipality's name for reasons and lists: its own, else its challenge's, else the kommunkod. */
    public String municipalityLabel(NeedEntry challenge) {
        if (municipalityName != null) {
            return municipalityName;
        }
        if (challenge != null && challenge.municipalityName != null
                && (municipalityCode == null || municipalityCode.equals(challenge.municipalityCode))) {
            return challenge.municipalityName;
        }
        return municipalityCode != null ? municipalityCode : challenge == null ? null : challenge.municipalityCode;
    }

    public List<String> sectorList() {
        return JsonText.read(sectors, new TypeReference<List<String>>() { });
    }
}
