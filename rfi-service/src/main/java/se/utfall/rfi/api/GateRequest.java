package se.utfall.rfi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(description = "The gate after a phase: who continues to the next phase (never more than it takes), feedback"
        + " for every supplier of the phase, and the reasons of the decision for the record")
public record GateRequest(
        @NotNull @Size(max = 100) List<@NotNull UUID> continued,
        @NotNull @Size(max = 100) List<@NotNull @Valid FeedbackInput> feedback,
        @NotBlank @Size(max = 20000) String reasons,
        @Schema(description = "Extends the next phase's window to this end (exclusive, with offset): never shorter,"
                + " in the future, before the phase after it opens; needed when the gate comes after the next"
                + " phase's window has closed") OffsetDateTime nextPhaseClosesAt,
        @Schema(description = "Instead of nextPhaseClosesAt: the next phase's new last day, until 24:00 Swedish"
                + " time") LocalDate nextPhaseLastDay) {
}
