package se.utfall.challenge.domain;

/** Where an observation about the need came from. */
public enum InsightSource {
    INTERVIEW, HOME_VISIT, WORKSHOP, STATISTICS, STAFF_OBSERVATION, SURVEY
}
