package se.utfall.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * An innovator recommended for a need: the score (0–1) and what it is made of, in the reader's language.
 * {@code locality}: MUNICIPALITY, COUNTY, NATIONAL or ELSEWHERE; {@code feedback}: the reader's organisation's.
 */
public record RecommendationView(int rank, UUID profileId, UUID organisationId,
        @Schema(description = "The organisation's name as its identity provider gives it (null until it changes its"
                + " profile after signing in with one)") String organisationName,
        @Schema(description = "The profile's own name") String name, String type,
        List<String> regionsServed, double score, List<String> sharedConcepts, List<String> sharedSectors,
        String locality, boolean placeBound, List<String> reasons, String explanation, FeedbackView feedback,
        @Schema(description = "Its organisation has responded to this RFI (or to an RFI of this challenge), alone or"
                + " in a consortium that did not withdraw") boolean responded) {
}
