package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A supplier's deliverable for its phase: replaces the one handed in before, until the close."
        + " Only the buyer and its co-buyers read it.")
public record DeliverableRequest(@NotBlank @Size(max = 50000) String text) {
}
