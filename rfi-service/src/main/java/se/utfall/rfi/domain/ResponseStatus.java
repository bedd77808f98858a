package se.utfall.rfi.domain;

/** DRAFT → SUBMITTED → (WITHDRAWN); editable and withdrawable while the RFI's window is open. */
public enum ResponseStatus {
    DRAFT, SUBMITTED, WITHDRAWN
}
