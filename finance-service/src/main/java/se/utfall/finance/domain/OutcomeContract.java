package se.utfall.finance.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The outcome contract of a funded case: the terms in force, the independent verifier, who signed it and when. */
@Entity
@Table(name = "outcome_contract")
public class OutcomeContract extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;
    @Column(nullable = false)
    public String terms;
    @Column(name = "verifier_org_id", nullable = false)
    public UUID verifierOrgId;
    @Column(name = "signed_by", nullable = false)
    public String signedBy;
    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContractStatus status;
    /** The number of the latest version of the terms ({@link #terms} is that version's). */
    @Column(name = "terms_number", nullable = false)
    public int termsNumber;
    public String disclosure;
    /** JSON: the termination, once ended early. */
    public String termination;
    @Version
    public long version;

    /** The record of an early termination. */
    public record Termination(TerminationTrigger trigger, String reason, LocalDate effectiveOn,
            Compensation compensation, Instant recordedAt) {
    }

    /** The latest terms (a claim is paid by the version in force on its period's last day, see ContractVersion). */
    public Terms terms() {
        return JsonText.read(terms, new TypeReference<Terms>() { });
    }

    public Disclosure disclosed() {
        return disclosure == null ? Disclosure.PUBLISHED : JsonText.read(disclosure,
                new TypeReference<Disclosure>() { });
    }

    public Termination terminated() {
        return termination == null ? null : JsonText.read(termination, new TypeReference<Termination>() { });
    }

    /** Claims, variations and terminations need an ACTIVE contract (409 contract-ended otherwise). */
    public void requireActive(String what) {
        if (status != ContractStatus.ACTIVE) {
            throw RuleViolation.conflict("The contract is " + status + "; one cannot " + what + " it any more")
                    .as("contract-ended", "The contract has ended");
        }
    }
}
