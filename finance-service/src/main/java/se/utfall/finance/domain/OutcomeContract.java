package se.utfall.finance.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.utfall.web.json.JsonText;

import java.time.Instant;
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
    @Version
    public long version;

    public Terms terms() {
        return JsonText.read(terms, new TypeReference<Terms>() { });
    }
}
