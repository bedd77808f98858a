package se.utfall.finance.domain;

/** SUBMITTED by the provider; VALIDATED (and paid) or DISPUTED by the verifier. */
public enum ClaimStatus { SUBMITTED, VALIDATED, DISPUTED }
