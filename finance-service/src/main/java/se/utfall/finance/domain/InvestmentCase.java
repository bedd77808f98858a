package se.utfall.finance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * Capital sought up front for a shortlisted response, to be paid back by verified outcomes. Commitments add up to
 * the capital required and never beyond it; the case is FUNDED exactly when they reach it, once.
 */
@Entity
@Table(name = "investment_case")
public class InvestmentCase extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "response_id", nullable = false, updatable = false)
    public UUID responseId;
    @Column(name = "rfi_id", nullable = false, updatable = false)
    public UUID rfiId;
    @Column(name = "challenge_id", nullable = false, updatable = false)
    public UUID challengeId;
    /** The challenge's owner: the payer-to-be. */
    @Column(name = "buyer_org_id", nullable = false, updatable = false)
    public UUID buyerOrgId;
    /** The respondent (the consortium's lead): the provider-to-be. */
    @Column(name = "provider_org_id", nullable = false, updatable = false)
    public UUID providerOrgId;
    @Column(name = "opened_by_org_id", nullable = false, updatable = false)
    public UUID openedByOrgId;
    @Column(nullable = false)
    public String title;
    @Column(name = "municipality_code")
    public String municipalityCode;
    @Column(nullable = false)
    public String sectors;
    @Column(name = "sdg_targets", nullable = false)
    public String sdgTargets;
    @Column(name = "outcome_goal_ids", nullable = false)
    public String outcomeGoalIds;
    @Column(name = "capital_required", nullable = false)
    public BigDecimal capitalRequired;
    @Column(nullable = false)
    public BigDecimal committed;
    @Column(nullable = false)
    public String currency;
    @Column(name = "duration_months", nullable = false)
    public int durationMonths;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;
    @Version
    public long version;
    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;
    @Column(name = "funded_at")
    public Instant fundedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> sectorList() {
        return JsonLists.strings(sectors);
    }

    public List<String> sdgTargetList() {
        return JsonLists.strings(sdgTargets);
    }

    public List<UUID> goalIds() {
        return JsonLists.ids(outcomeGoalIds);
    }

    /** An amount in the case's currency (every amount of a case, its contract and payments is in it). */
    public Money money(BigDecimal amount) {
        return Money.ofNullable(amount, currency);
    }

    public Money capital() {
        return Money.ofNullable(capitalRequired, currency);
    }

    public Money committedMoney() {
        return Money.ofNullable(committed, currency);
    }

    /** What is still to be committed. */
    public Money remaining() {
        return Money.ofNullable(capitalRequired.subtract(committed), currency);
    }

    /** The buying organisation and the one that opened it (a coordinator): who manages the case. */
    public boolean isManagedBy(UUID organisation) {
        return organisation != null && (organisation.equals(buyerOrgId) || organisation.equals(openedByOrgId));
    }

    /**
     * Adds a commitment: only while OPEN, in the case's currency, never beyond the capital required. Answers
     * whether this commitment funded the case (then it is FUNDED from {@code now}).
     */
    public boolean commit(Money amount, Instant now) {
        requireOpen("commit to");
        if (!amount.currency().getCurrencyCode().equals(currency)) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "The case is in " + currency,
                    List.of(new RuleViolation.FieldProblem("amount.currency", "must be " + currency)));
        }
        BigDecimal after = committed.add(amount.amount());
        if (after.compareTo(capitalRequired) > 0) {
            throw RuleViolation.conflict("Only " + remaining().text() + " is still to be committed; nothing was "
                    + "committed").as("over-committed", "More than the case requires");
        }
        committed = after;
        updatedAt = now;
        if (committed.compareTo(capitalRequired) == 0) {
            status = CaseStatus.FUNDED;
            fundedAt = now;
            return true;
        }
        return false;
    }

    /** Takes a withdrawn commitment off the sum; only while the case is OPEN. */
    public void release(Money amount, Instant now) {
        requireOpen("withdraw from");
        committed = committed.subtract(amount.amount());
        updatedAt = now;
    }

    /** The payer signed the outcome contract: only a FUNDED case is contracted. */
    public void contract(Instant now) {
        if (status != CaseStatus.FUNDED) {
            throw RuleViolation.conflict("The case is " + status + "; a contract is signed for a FUNDED case")
                    .as("case-not-funded", "The case is not funded");
        }
        status = CaseStatus.CONTRACTED;
        updatedAt = now;
    }

    /** The first claim: delivery has begun. */
    public void deliver(Instant now) {
        if (status == CaseStatus.CONTRACTED) {
            status = CaseStatus.IN_DELIVERY;
            updatedAt = now;
        }
    }

    /** The final payment point's claim was validated. */
    public void complete(Instant now) {
        status = CaseStatus.COMPLETED;
        updatedAt = now;
    }

    /** The contract ended early. */
    public void terminate(Instant now) {
        status = CaseStatus.TERMINATED;
        updatedAt = now;
    }

    private void requireOpen(String what) {
        if (status != CaseStatus.OPEN) {
            throw RuleViolation.conflict("The case is " + status + "; one can " + what + " an OPEN case only")
                    .as("case-not-open", "The case is not open");
        }
    }
}
