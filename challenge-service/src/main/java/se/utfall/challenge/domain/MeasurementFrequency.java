package se.utfall.challenge.domain;

public enum MeasurementFrequency {
    CONTINUOUS, WEEKLY, MONTHLY, QUARTERLY, SEMI_ANNUALLY, ANNUALLY, ONCE
}
