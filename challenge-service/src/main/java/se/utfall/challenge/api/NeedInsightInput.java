package se.utfall.challenge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.challenge.domain.InsightSource;
import se.utfall.challenge.domain.InsightVisibility;

import java.time.LocalDate;
import java.util.UUID;

public record NeedInsightInput(
        UUID id,
        @NotNull InsightSource source,
        @NotBlank @Size(max = 4000) String text,
        @PastOrPresent LocalDate observedOn,
        @Schema(description = "PUBLIC or INTERNAL; default"
                + " INTERNAL for interviews and home visits, PUBLIC otherwise. Internal insights stay with the"
                + " buying organisations.")
        InsightVisibility visibility) {
}
