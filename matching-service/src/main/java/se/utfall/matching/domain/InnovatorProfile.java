package se.utfall.matching.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.utfall.web.json.JsonText;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An innovator's profile, one per organisation, edited only by it. Lists are stored as JSON text; the contact
 * person is personal data and stays out of topics, public views and logs.
 */
@Entity
@Table(name = "profile")
public class InnovatorProfile extends PanacheEntityBase {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false, updatable = false)
    public UUID orgId;
    /** The organisation's display name as the identity provider gives it (the token's at the last change). */
    @Column(name = "org_name")
    public String orgName;
    public String name;
    public String type;
    public String description;
    public String capabilities;
    public String sectors;
    @Column(name = "regions_served")
    public String regionsServed;
    public String languages;
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(insertable = false, updatable = false)
    public long generation;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<String> list(String json) {
        return json == null ? List.of() : JsonText.read(json, STRINGS);
    }

    public static String json(List<String> values) {
        return JsonText.write(values == null ? List.of() : values);
    }
}
