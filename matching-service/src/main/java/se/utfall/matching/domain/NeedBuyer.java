package se.utfall.matching.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.UUID;

/** A co-buying organisation of a challenge, from its events: it sees the challenge's recommendations too. */
@Entity
@Immutable
@Table(name = "need_buyer")
@IdClass(NeedBuyer.Key.class)
public class NeedBuyer extends PanacheEntityBase {
    @Id
    @Column(name = "challenge_id")
    public UUID challengeId;
    @Id
    @Column(name = "org_id")
    public UUID orgId;

    /** The composite key. */
    public record Key(UUID challengeId, UUID orgId) implements Serializable {
    }
}
