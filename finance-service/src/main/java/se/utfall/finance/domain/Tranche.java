package se.utfall.finance.domain;

/** Where a commitment stands in the waterfall: first loss is paid last and lost first. */
public enum Tranche { SENIOR, SUBORDINATED, FIRST_LOSS_GUARANTEE, GRANT }
