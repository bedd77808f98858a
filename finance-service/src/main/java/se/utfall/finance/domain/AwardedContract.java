package se.utfall.finance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.utfall.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/**
 * A contract awarded after a procurement's last phase, learnt from rfi-service's events: a case for the awarded
 * response is linked to it (read-only here; rfi-service owns it).
 */
@Entity
@Table(name = "awarded_contract")
public class AwardedContract extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "procurement_id")
    public UUID procurementId;
    @Column(name = "rfi_id")
    public UUID rfiId;
    @Column(name = "response_id")
    public UUID responseId;
    @Column(name = "organisation_id")
    public UUID organisationId;
    public String ocid;
    public BigDecimal value;
    public String currency;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "signed_at")
    public Instant signedAt;

    public Money value() {
        return Money.of(value, Currency.getInstance(currency));
    }
}
