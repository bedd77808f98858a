package se.utfall.matching.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * An evaluation set: needs, innovator profiles, and graded relevance per need (3 solves the core, 2 a good fit
 * for a substantial part or a strong complementary local actor, 1 partial; absent is not relevant).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledSet(List<Need> needs, List<Profile> innovators, Map<String, Map<String, Integer>> relevance) {

    public static LabelledSet read(InputStream in) throws IOException {
        return new ObjectMapper().readValue(in, LabelledSet.class);
    }

    public Map<String, Integer> grades(String needKey) {
        return relevance == null ? Map.of() : relevance.getOrDefault(needKey, Map.of());
    }
}
