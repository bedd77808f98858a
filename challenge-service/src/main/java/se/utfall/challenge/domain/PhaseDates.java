package se.utfall.challenge.domain;

import java.time.LocalDate;

/** Planned and actual dates of one phase of the process trail, as a buyer gives them. */
public record PhaseDates(Phase phase, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
        LocalDate actualEnd) {
}
