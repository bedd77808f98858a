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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A payment due for a validated claim: per metric and payer, and how it is distributed through the waterfall. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;
    /** The validated claim it pays; null for a termination's compensation. */
    @Column(name = "claim_id", updatable = false)
    public UUID claimId;
    @Column(nullable = false, updatable = false)
    public String kind;
    @Column(updatable = false)
    public String period;
    /** The version of the terms it was computed by. */
    @Column(name = "terms_number", nullable = false, updatable = false)
    public int termsNumber;
    @Column(nullable = false, updatable = false)
    public BigDecimal total;
    @Column(nullable = false, updatable = false)
    public String currency;
    @Column(name = "per_metric", nullable = false, updatable = false)
    public String perMetric;
    @Column(name = "per_payer", nullable = false, updatable = false)
    public String perPayer;
    @Column(nullable = false, updatable = false)
    public String distribution;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public static final String OUTCOME = "OUTCOME";
    public static final String TERMINATION = "TERMINATION";

    /** One investor's part of a payment (or the provider's, with no tranche). */
    public record Part(UUID organisationId, Tranche tranche, BigDecimal principal, BigDecimal returns) {
    }

    /** Per metric id (an outcome goal, {@link Terms#BASE} or {@link Terms#TERMINATION}). */
    public Map<UUID, BigDecimal> perMetricMap() {
        return JsonText.read(perMetric, new TypeReference<LinkedHashMap<UUID, BigDecimal>>() { });
    }

    /** Per payer organisation. */
    public Map<UUID, BigDecimal> perPayerMap() {
        return JsonText.read(perPayer, new TypeReference<LinkedHashMap<UUID, BigDecimal>>() { });
    }

    public List<Part> parts() {
        return JsonText.read(distribution, new TypeReference<List<Part>>() { });
    }
}
