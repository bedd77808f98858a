package se.utfall.rfi.domain;

/** A procurement runs its phases until the award after the last one. */
public enum ProcurementStatus {
    RUNNING, AWARDED
}
