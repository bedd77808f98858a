package se.utfall.challenge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A workshop to schedule: a place, an online link, or both")
public record WorkshopRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Workshop: måltider i Ramsjö") String title,
        @Size(max = 4000) String description,
        @NotNull @Schema(examples = "2026-12-10T13:00:00Z") Instant startsAt,
        @NotNull @Schema(examples = "2026-12-10T16:00:00Z") Instant endsAt,
        @Size(max = 300) @Schema(examples = "Ramsjö bygdegård") String location,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String onlineUrl,
        @NotNull @Min(1) @Max(1000) @Schema(description = "Organisations that can register", examples = "20")
        Integer capacity) {
}
