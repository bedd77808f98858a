package se.utfall.rfi.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a buyer writes about an RFI. Each end of the window is given either as an instant with its offset
 * ({@code opensAt}, {@code closesAt}) or as a calendar day in Swedish time ({@code firstDay}: from 00:00 that day;
 * {@code lastDay}: until the end of that day), so "open 10–27 May" is {@code firstDay 2022-05-10, lastDay
 * 2022-05-27}. Read-only fields of a read body are accepted and ignored; other unknown fields are refused.
 */
@Schema(description = "The content of an RFI, for create and full update")
@JsonIgnoreProperties({"id", "ownerOrgId", "ownerOrgName", "municipalityCode", "municipalityName", "challengeTitle",
    "status", "version", "timeZone",
    "amendments", "acceptingResponses", "cancellationReason", "createdAt", "updatedAt", "publishedAt", "openedAt",
    "closedAt", "cancelledAt", "evaluatedAt"})
public record RfiRequest(
        @Schema(description = "The published challenge the RFI asks about; cannot change later") UUID challengeId,
        @NotBlank @Size(max = 300) @Schema(examples = "Hela barnet: hur når vi barn och unga i tid?") String title,
        @Size(max = 20000) String description,
        @Size(max = 50) List<@NotNull @Valid QuestionInput> questions,
        @Size(max = 20) List<@NotNull @Valid CriterionInput> criteria,
        @Schema(description = "Start of the window, with offset, e.g. 2022-05-10T00:00:00+02:00")
        OffsetDateTime opensAt,
        @Schema(description = "End of the window (exclusive), with offset") OffsetDateTime closesAt,
        @Schema(description = "Instead of opensAt: the first day, from 00:00 Swedish time") LocalDate firstDay,
        @Schema(description = "Instead of closesAt: the last day, until 24:00 Swedish time") LocalDate lastDay,
        @Size(max = 2000) @Schema(description = "Why a published RFI is amended; shown in its public history")
        String amendmentNote) {
}
