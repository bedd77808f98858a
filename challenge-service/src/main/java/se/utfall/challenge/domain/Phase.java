package se.utfall.challenge.domain;

/** The marked trail every challenge follows, in order. */
public enum Phase {
    NEED_DEFINITION, WORKSHOPS, RFI, CONCEPT_DEVELOPMENT, INVESTMENT, CONTRACT, OUTCOME_FOLLOW_UP
}
