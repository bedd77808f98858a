package se.utfall.challenge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;
import se.utfall.challenge.reference.MunicipalityCode;

import java.util.List;

/**
 * What a buyer may write about a challenge. The id, owner, status, version and timestamps are the service's: the
 * fields a read shows them in are accepted and ignored, so a body read with GET can be changed and sent back.
 * Any other unknown field is refused.
 */
@Schema(description = "The content of a challenge, for create and full update")
@JsonIgnoreProperties({"id", "ownerOrgId", "ownerOrgName", "municipalityName", "status", "version", "createdAt",
    "updatedAt", "publishedAt", "closedAt", "archivedAt"})
public record ChallengeRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Dagliga måltider för äldre i Ramsjö") String title,
        @Size(max = 2000) String summary,
        @Size(max = 20000) @Schema(description = "The need in the users' own words") String problemStatement,
        @Size(max = 2000) String targetGroup,
        @Size(max = 200) @Schema(examples = "Ramsjö") String locality,
        @NotNull @MunicipalityCode @Schema(examples = "2161") String municipalityCode,
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> sectors,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "\\d{8}-\\d",
                message = "must be a CPV code like 55321000-6") String> cpvCodes,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "([1-9]|1[0-7])\\.([1-9][0-9]?|[a-z])",
                message = "must be an SDG target like 2.1 or 11.a") String> sdgTargets,
        @Size(max = 20) List<@NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String> coBuyerOrgIds,
        @Size(max = 20) List<@NotNull @Pattern(regexp = UUID_PATTERN,
                message = "must be a UUID") String> observerOrgIds,
        @Valid Money budget,
        @Valid CostBaseline baseline,
        @Size(max = 30) List<@NotNull @Valid OutcomeGoalInput> outcomeGoals,
        @Size(max = 200) List<@NotNull @Valid NeedInsightInput> needInsights,
        @Size(max = 7)
        @Schema(description = "Planned and actual dates per phase; on a full update, phases left out have no dates")
        List<@NotNull @Valid PhaseInput> processTrail,
        @Size(max = 2000) @Schema(description = "Why a published challenge is amended; shown in its history")
        String amendmentNote) {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
}
