package se.utfall.rfi.domain;

/**
 * DRAFT → SCHEDULED → OPEN → CLOSED → EVALUATED, or CANCELLED with a reason. Opening and closing happen by time
 * (the scheduler); everything from SCHEDULED on is public.
 */
public enum RfiStatus {
    DRAFT, SCHEDULED, OPEN, CLOSED, EVALUATED, CANCELLED;

    public boolean isPublished() {
        return this != DRAFT;
    }
}
