package se.utfall.rfi.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An OCDS release as it was published, never changed: the package of an RFI and its procurement carries all of
 * them, so a reader sees every step (tender, amendments, updates, awards, contracts), not only the latest state.
 * Numbered per ocid from 1; the release id is the ocid and that number.
 */
@Entity
@Table(name = "ocds_release")
public class OcdsRelease extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, updatable = false)
    public String ocid;
    @Column(nullable = false, updatable = false)
    public int number;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    /** The release as JSON text. */
    @Column(name = "release", nullable = false, updatable = false)
    public String release;
    @Column(name = "released_at", nullable = false, updatable = false)
    public Instant releasedAt;
}
