package se.utfall.rfi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(description = "A procurement that follows an evaluated RFI of your organisation: its phases in order."
        + " The RFI's shortlisted respondents are invited to phase 1.")
public record ProcurementRequest(
        @NotNull @Schema(description = "The evaluated RFI it follows; one procurement per RFI") UUID rfiId,
        @NotBlank @Size(max = 300) @Schema(examples = "Förkommersiell upphandling: dagliga måltider i Ramsjö")
        String title,
        @Size(max = 20000) String description,
        @NotNull @Size(min = 1, max = 6) List<@NotNull @Valid PhaseInput> phases) {
}
