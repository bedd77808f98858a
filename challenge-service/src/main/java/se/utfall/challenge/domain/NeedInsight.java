package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** An observation from users or staff that grounds the challenge in the real need. */
@Entity
@Table(name = "need_insight")
public class NeedInsight extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "challenge_id", nullable = false)
    public UUID challengeId;
    public int position;
    @Enumerated(EnumType.STRING)
    public InsightSource source;
    public String text;
    @Column(name = "observed_on")
    public LocalDate observedOn;
    /** INTERNAL insights never leave the buying organisations: not in public reads, not in events. */
    @Enumerated(EnumType.STRING)
    public InsightVisibility visibility;
}
