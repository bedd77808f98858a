package se.utfall.matching.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * An innovator's profile as the ranking reads it: {@code regionsServed} holds kommunkoder or "SE";
 * {@code language} is the one its text is written in, {@code languages} those it works in (ISO 639-1; empty when
 * not said).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Profile(String key, String name, String type, String description, List<String> capabilities,
        List<String> sectors, List<String> regionsServed, String language, List<String> languages) {

    public Profile(String key, String name, String type, String description, List<String> capabilities,
            List<String> sectors, List<String> regionsServed, String language) {
        this(key, name, type, description, capabilities, sectors, regionsServed, language, List.of());
    }

    public List<String> languages() {
        return languages == null ? List.of() : languages;
    }

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
