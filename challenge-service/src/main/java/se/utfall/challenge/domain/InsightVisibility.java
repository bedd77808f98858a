package se.utfall.challenge.domain;

/**
 * Who may read a need insight. Interviews and home visits are about people: INTERNAL unless the buyer decides
 * otherwise (after removing what identifies anyone). Internal insights stay with the buying organisations.
 */
public enum InsightVisibility {
    PUBLIC, INTERNAL;

    /**
     * The visibility after an edit that may not restate it: as stated; else as stored, while the source stays the
     * same; else it fails closed — INTERNAL if it was, or if the new source is an interview or a home visit.
     */
    public static InsightVisibility resolve(InsightVisibility stated, InsightVisibility stored,
            InsightSource storedSource, InsightSource source) {
        if (stated != null) {
            return stated;
        }
        if (stored != null && storedSource == source) {
            return stored;
        }
        return stored == INTERNAL || defaultFor(source) == INTERNAL ? INTERNAL : PUBLIC;
    }

    /** The default for an insight whose visibility the buyer did not state. */
    public static InsightVisibility defaultFor(InsightSource source) {
        return source == InsightSource.INTERVIEW || source == InsightSource.HOME_VISIT ? INTERNAL : PUBLIC;
    }
}
