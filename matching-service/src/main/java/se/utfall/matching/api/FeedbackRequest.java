package se.utfall.matching.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A buyer's judgement of one recommendation. */
@JsonIgnoreProperties({"needId", "profileId", "score", "rank", "updatedAt", "version"})
public record FeedbackRequest(@NotNull Boolean useful, @Size(max = 2000) String comment) {
}
