package se.utfall.rfi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One phase: each end of its window as an instant with offset or as a Swedish calendar day, as for an RFI
 * ({@code firstDay} from 00:00, {@code lastDay} until 24:00 Europe/Stockholm).
 */
@Schema(description = "A phase of a procurement (solution design, prototype, field test…)")
public record PhaseInput(
        @NotBlank @Size(max = 200) @Schema(examples = "Lösningsdesign") String name,
        @Size(max = 20000) String description,
        @NotNull @Valid @Schema(description = "The phase's budget: its contracts together never exceed it")
        Money budget,
        @NotNull @Min(1) @Max(100) @Schema(description = "The most suppliers this phase takes") Integer maxSuppliers,
        @Schema(description = "Start of the window for deliverables, with offset") OffsetDateTime opensAt,
        @Schema(description = "End of the window (exclusive), with offset") OffsetDateTime closesAt,
        @Schema(description = "Instead of opensAt: the first day, from 00:00 Swedish time") LocalDate firstDay,
        @Schema(description = "Instead of closesAt: the last day, until 24:00 Swedish time") LocalDate lastDay,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid CriterionInput> criteria,
        @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 2000) String> deliverables) {
}
