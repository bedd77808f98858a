package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An outcome the buyer wants, measurable: from a baseline at a date to a target at a date. */
@Entity
@Table(name = "outcome_goal")
public class OutcomeGoal extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "challenge_id", nullable = false)
    public UUID challengeId;
    public int position;
    public String indicator;
    public String definition;
    public String unit;
    @Column(name = "baseline_value")
    public BigDecimal baselineValue;
    @Column(name = "baseline_date")
    public LocalDate baselineDate;
    @Column(name = "baseline_source")
    public String baselineSource;
    @Column(name = "target_value")
    public BigDecimal targetValue;
    @Column(name = "target_date")
    public LocalDate targetDate;
    @Column(name = "measurement_method")
    public String measurementMethod;
    @Column(name = "data_source")
    public String dataSource;
    @Enumerated(EnumType.STRING)
    public MeasurementFrequency frequency;
    public String verifier;
}
