package se.utfall.finance.domain;

/** How an investor puts money in. */
public enum Instrument { GRANT, LOAN, EQUITY, GUARANTEE, OUTCOME_BASED }
