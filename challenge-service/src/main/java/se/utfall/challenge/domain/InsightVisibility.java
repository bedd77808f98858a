package se.utfall.challenge.domain;

/**
 * Who may read a need insight. Interviews and home visits are about people: INTERNAL unless the buyer decides
 * otherwise (after removing what identifies anyone). Internal insights stay with the buying organisations.
 */
public enum InsightVisibility {
    PUBLIC, INTERNAL;

    /** The default for an insight whose visibility the buyer did not state. */
    public static InsightVisibility defaultFor(InsightSource source) {
        return source == InsightSource.INTERVIEW || source == InsightSource.HOME_VISIT ? INTERNAL : PUBLIC;
    }
}
