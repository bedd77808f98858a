package se.utfall.finance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.utfall.money.Money;
import se.utfall.web.problem.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An investor organisation and its mandate: sectors, SDG targets, where (municipalities or national), the ticket
 * it commits (minimum to maximum), its instruments, the return it expects and the loss it can bear. One per
 * organisation; only the organisation itself sees it.
 */
@Entity
@Table(name = "investor")
public class Investor extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "org_id", nullable = false, updatable = false)
    public UUID orgId;
    @Column(name = "org_name")
    public String orgName;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String sectors;
    @Column(name = "sdg_targets", nullable = false)
    public String sdgTargets;
    @Column(name = "municipality_codes", nullable = false)
    public String municipalityCodes;
    public boolean national;
    @Column(name = "ticket_min", nullable = false)
    public BigDecimal ticketMin;
    @Column(name = "ticket_max", nullable = false)
    public BigDecimal ticketMax;
    @Column(nullable = false)
    public String currency;
    @Column(nullable = false)
    public String instruments;
    @Column(name = "return_min_percent")
    public BigDecimal returnMinPercent;
    @Column(name = "return_max_percent")
    public BigDecimal returnMaxPercent;
    @Column(name = "max_loss_percent")
    public BigDecimal maxLossPercent;
    @Version
    public long version;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> sectorList() {
        return JsonLists.strings(sectors);
    }

    public List<String> sdgTargetList() {
        return JsonLists.strings(sdgTargets);
    }

    public List<String> municipalityList() {
        return JsonLists.strings(municipalityCodes);
    }

    public List<Instrument> instrumentList() {
        return JsonLists.instruments(instruments);
    }

    public Money ticketMinimum() {
        return Money.ofNullable(ticketMin, currency);
    }

    public Money ticketMaximum() {
        return Money.ofNullable(ticketMax, currency);
    }

    /** The mandate's own consistency: a ticket range, one currency, ordered percentages (400 with each field). */
    public void requireConsistent() {
        RuleViolation.Problems p = new RuleViolation.Problems();
        if (ticketMin.compareTo(BigDecimal.ZERO) <= 0) {
            p.add("ticketMin.amount", "must be more than 0");
        }
        if (ticketMax.compareTo(ticketMin) < 0) {
            p.add("ticketMax.amount", "must not be less than ticketMin");
        }
        if (returnMinPercent != null && returnMaxPercent != null && returnMaxPercent.compareTo(returnMinPercent) < 0) {
            p.add("returnMaxPercent", "must not be less than returnMinPercent");
        }
        if (!national && municipalityList().isEmpty()) {
            p.add("municipalityCodes", "name at least one municipality, or say national");
        }
        if (instrumentList().isEmpty()) {
            p.add("instruments", "name at least one instrument");
        }
        p.throwIfAny(RuleViolation.Kind.INVALID, "The mandate has invalid fields");
    }

    /** Whether {@code amount} is within this investor's ticket (and its currency). */
    public boolean ticketAllows(Money amount) {
        return amount.currency().getCurrencyCode().equals(currency) && amount.amount().compareTo(ticketMin) >= 0
                && amount.amount().compareTo(ticketMax) <= 0;
    }
}
