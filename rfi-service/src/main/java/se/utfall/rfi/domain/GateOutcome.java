package se.utfall.rfi.domain;

/** What a gate decided for a supplier who took part in the phase: on to the next phase, or the award after the last. */
public enum GateOutcome {
    CONTINUED, NOT_CONTINUED, AWARDED, NOT_AWARDED
}
