package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One step of a challenge's process trail, with planned and actual dates. */
@Entity
@Table(name = "process_phase")
public class ProcessPhase extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public int position;
    @Column(name = "planned_start")
    public LocalDate plannedStart;
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    @Column(name = "actual_start")
    public LocalDate actualStart;
    @Column(name = "actual_end")
    public LocalDate actualEnd;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "challenge_id")
        public UUID challengeId;
        @Enumerated(EnumType.STRING)
        public Phase phase;

        public Key() {
        }

        public Key(UUID challengeId, Phase phase) {
            this.challengeId = challengeId;
            this.phase = phase;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(challengeId, k.challengeId) && phase == k.phase;
        }

        @Override
        public int hashCode() {
            return Objects.hash(challengeId, phase);
        }
    }
}
