package se.utfall.matching.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An open need recommended to an innovator, with the same score and reasons a buyer sees the other way. */
public record NeedRecommendationView(int rank, UUID needId, String kind, UUID challengeId, String title,
        @Schema(description = "The buying organisation's name, for display") String buyerName,
        String municipalityCode,
        @Schema(description = "The municipality's name, for display") String municipalityName,
        String locality, Instant closesAt, double score, List<String> sharedConcepts,
        List<String> sharedSectors, String providerLocality, List<String> reasons, String explanation) {

    public NeedRecommendationView withRank(int newRank) {
        return new NeedRecommendationView(newRank, needId, kind, challengeId, title, buyerName, municipalityCode,
                municipalityName, locality, closesAt, score, sharedConcepts, sharedSectors, providerLocality, reasons,
                explanation);
    }
}
