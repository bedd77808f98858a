package se.utfall.challenge.api;

import jakarta.validation.constraints.NotNull;
import se.utfall.challenge.domain.Phase;

import java.time.LocalDate;

public record PhaseInput(@NotNull Phase phase, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
        LocalDate actualEnd) {
}
