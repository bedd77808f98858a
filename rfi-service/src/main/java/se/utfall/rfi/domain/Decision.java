package se.utfall.rfi.domain;

/** The buyer's decision on a submitted response, final once the evaluation is completed. */
public enum Decision {
    SHORTLISTED, NOT_SHORTLISTED
}
