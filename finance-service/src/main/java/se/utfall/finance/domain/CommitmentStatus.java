package se.utfall.finance.domain;

/** A commitment counts while ACTIVE; it may be WITHDRAWN until its case is funded. */
public enum CommitmentStatus { ACTIVE, WITHDRAWN }
