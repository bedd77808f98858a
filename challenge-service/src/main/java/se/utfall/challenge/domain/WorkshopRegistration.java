package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One organisation's place at a workshop. */
@Entity
@Table(name = "workshop_registration")
public class WorkshopRegistration extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "workshop_id", nullable = false, updatable = false)
    public UUID workshopId;
    @Column(name = "organisation_id", nullable = false, updatable = false)
    public UUID organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    public int participants;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public Instant registeredAt;
}
