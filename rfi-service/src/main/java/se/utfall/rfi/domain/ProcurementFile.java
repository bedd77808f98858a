package se.utfall.rfi.domain;

import se.utfall.money.Money;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A procurement with everything it holds, read together: phases in order, participations, contracts. */
public record ProcurementFile(Procurement procurement, List<Phase> phases, List<Participation> participations,
        List<ProcurementContract> contracts) {

    public ProcurementFile {
        phases = phases.stream().sorted(Comparator.comparingInt(p -> p.number)).toList();
        participations = List.copyOf(participations);
        contracts = contracts.stream().sorted(Comparator.comparing((ProcurementContract c) -> c.signedAt)
                .thenComparing(c -> c.id)).toList();
    }

    public Phase phase(int number) {
        return phases.stream().filter(p -> p.number == number).findFirst().orElse(null);
    }

    public Phase last() {
        return phases.get(phases.size() - 1);
    }

    public Optional<Phase> next(Phase phase) {
        return Optional.ofNullable(phase(phase.number + 1));
    }

    public List<Participation> in(Phase phase) {
        return participations.stream().filter(p -> p.phaseId.equals(phase.id))
                .sorted(Comparator.comparing((Participation p) -> p.organisationName == null ? "" : p.organisationName)
                        .thenComparing(p -> p.id))
                .toList();
    }

    public List<ProcurementContract> contractsOf(Phase phase, ContractKind kind) {
        return contracts.stream().filter(c -> phase.id.equals(c.phaseId) && c.kind == kind).toList();
    }

    public List<ProcurementContract> awards() {
        return contracts.stream().filter(c -> c.kind == ContractKind.AWARD).toList();
    }

    /** What a phase's contracts add up to, in its currency. */
    public Money contracted(Phase phase) {
        return sum(contractsOf(phase, ContractKind.PHASE), phase.currency);
    }

    public static Money sum(List<ProcurementContract> contracts, String currency) {
        BigDecimal total = contracts.stream().map(c -> c.value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.of(total, Currency.getInstance(currency));
    }

    /**
     * Whether {@code org} evaluates: the buying organisation or a co-buyer, and never a supplier of the procurement
     * (an organisation on both sides would read its competitors' deliverables and score its own).
     */
    public boolean isBuyer(UUID org) {
        return org != null && procurement.buyers().contains(org) && !isSupplier(org);
    }

    /** Whether {@code org} is the lead or an accepted member of a supplier in any phase. */
    public boolean isSupplier(UUID org) {
        return org != null && participations.stream().anyMatch(x -> x.parties().contains(org));
    }

    /** Whether {@code org} took part in {@code phase} (invited, as lead or member). */
    public boolean isIn(Phase phase, UUID org) {
        return org != null && in(phase).stream().anyMatch(x -> x.parties().contains(org));
    }

    public Participation participation(UUID id) {
        return participations.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    /** The phase a participation belongs to. */
    public Phase phaseOf(Participation p) {
        return phase(p.phaseNumber);
    }
}
