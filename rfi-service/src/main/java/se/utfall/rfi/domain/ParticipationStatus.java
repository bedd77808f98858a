package se.utfall.rfi.domain;

/** A supplier's answer to its invitation to a phase: once, accept or decline. */
public enum ParticipationStatus {
    INVITED, ACCEPTED, DECLINED
}
