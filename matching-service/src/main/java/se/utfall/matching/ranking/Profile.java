package se.utfall.matching.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** An innovator's profile as the ranking reads it; {@code regionsServed} holds kommunkoder or "SE". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(String key, String name, String type, String description, List<String> capabilities,
        List<String> sectors, List<String> regionsServed, String language) {

    public List<String> capabilities() {
        return capabilities == null ? List.of() : capabilities;
    }

    public List<String> sectors() {
        return sectors == null ? List.of() : sectors;
    }

    public List<String> regionsServed() {
        return regionsServed == null ? List.of() : regionsServed;
    }
}
