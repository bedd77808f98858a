package se.utfall.challenge.domain;

import java.util.List;

/** What a list of challenges asks for; null means "any". */
public record ChallengeFilter(List<ChallengeStatus> statuses, String sector, String municipalityCode, String text,
        Sort sort) {

    /** How a list is ordered. {@code RELEVANCE} needs a text query and falls back to newest first without one. */
    public enum Sort { RELEVANCE, PUBLISHED_DESC, PUBLISHED_ASC, TITLE_ASC, TITLE_DESC, UPDATED_DESC, UPDATED_ASC }
}
