package se.utfall.rfi.domain;

/** A phase contract (the supplier's work in one phase), or the contract that comes with the award. */
public enum ContractKind {
    PHASE, AWARD
}
