package se.utfall.challenge.domain;

/**
 * DRAFT → PUBLISHED → CLOSED → ARCHIVED, or DRAFT → ARCHIVED (shelved). The status alone does not say whether a
 * challenge is public: {@link Challenge#isPublic()} (was it ever published) does.
 */
public enum ChallengeStatus {
    DRAFT, PUBLISHED, CLOSED, ARCHIVED
}
