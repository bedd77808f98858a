package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What a participant brought to a workshop, recorded by the buyer afterwards. */
@Entity
@Table(name = "workshop_contribution")
public class WorkshopContribution extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "workshop_id", nullable = false, updatable = false)
    public UUID workshopId;
    @Column(name = "organisation_id")
    public UUID organisationId;
    public String author;
    public String text;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
