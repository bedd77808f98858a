package se.utfall.matching.domain;

/** What kind of actor an innovator is. */
public enum ProfileType {
    SOCIAL_ENTERPRISE, COMPANY, LOCAL_BUSINESS, RESEARCH, CIVIL_SOCIETY
}
