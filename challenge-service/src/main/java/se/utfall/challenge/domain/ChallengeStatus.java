package se.utfall.challenge.domain;

/** DRAFT → PUBLISHED → CLOSED → ARCHIVED. Everything but DRAFT is public. */
public enum ChallengeStatus {
    DRAFT, PUBLISHED, CLOSED, ARCHIVED;

    public boolean isPublic() {
        return this != DRAFT;
    }
}
