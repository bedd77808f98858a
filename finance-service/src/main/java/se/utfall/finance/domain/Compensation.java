package se.utfall.finance.domain;

/**
 * What the payers pay the investors when a contract ends early, through the waterfall and within what is left of
 * the overall and payer caps: nothing, the principal still outstanding, or that and the return still due.
 */
public enum Compensation { NONE, OUTSTANDING_PRINCIPAL, OUTSTANDING_PRINCIPAL_AND_RETURN }
