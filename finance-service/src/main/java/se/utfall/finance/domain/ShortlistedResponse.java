package se.utfall.finance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A response the buyer decided on (rfi-service's decision events); a case opens only for a shortlisted one. */
@Entity
@Table(name = "shortlisted_response")
public class ShortlistedResponse extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "rfi_id")
    public UUID rfiId;
    @Column(name = "challenge_id")
    public UUID challengeId;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    @Column(name = "estimated_annual_cost")
    public BigDecimal estimatedAnnualCost;
    public String currency;
    public boolean shortlisted;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "last_event_id")
    public String lastEventId;
}
