package se.utfall.finance.service;

import io.smallrye.mutiny.Uni;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.OutcomeContract;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Reader;

import java.util.List;
import java.util.UUID;

/**
 * A case, its contract (null before signing) and active commitments, and what the caller is to it: a party sees
 * the private detail (the buyer, whoever opened the case, the provider, the verifier, coordinators and admins see
 * every investor; an investor with an active commitment sees its own position only). Anyone else, anonymous
 * included, sees the public aggregate.
 */
record Participants(InvestmentCase c, OutcomeContract contract, List<Commitment> commitments, Reader actor,
        boolean coordinator) {

    /** Within a session; 404 for an unknown case. */
    static Uni<Participants> of(UUID caseId, Reader actor, boolean coordinator) {
        return InvestmentCase.<InvestmentCase>findById(caseId).chain(c -> {
            if (c == null) {
                throw RuleViolation.notFound("case");
            }
            return OutcomeContract.<OutcomeContract>find("caseId", caseId).firstResult()
                    .chain(k -> ContractService.activeCommitments(caseId)
                            .map(list -> new Participants(c, k, list, actor, coordinator)));
        });
    }

    /** Sees every party's position. */
    boolean seesAll() {
        UUID org = actor.organisation();
        return actor.admin() || coordinator || c.isManagedBy(org) || c.providerOrgId.equals(org)
                || contract != null && contract.verifierOrgId.equals(org);
    }

    /** An investor of the case: sees its own position. */
    boolean isInvestor() {
        return actor.organisation() != null && commitments.stream()
                .anyMatch(m -> m.investorOrgId.equals(actor.organisation()));
    }

    boolean isParty() {
        return seesAll() || isInvestor();
    }

    /** Whether the caller may see {@code investorOrgId}'s position. */
    boolean sees(UUID investorOrgId) {
        return seesAll() || investorOrgId.equals(actor.organisation());
    }
}
