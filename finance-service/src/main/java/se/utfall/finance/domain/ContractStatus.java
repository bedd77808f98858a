package se.utfall.finance.domain;

/** ACTIVE from signing; COMPLETED when the final point's claim is validated; TERMINATED when ended early. */
public enum ContractStatus { ACTIVE, COMPLETED, TERMINATED }
