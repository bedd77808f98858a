package se.utfall.matching.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A public need (a challenge or an RFI) as the ranking reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Need(String key, String title, String problemStatement, String targetGroup, List<String> sectors,
        String municipalityCode, String locality, String language) {

    public List<String> sectors() {
        return sectors == null ? List.of() : sectors;
    }
}
