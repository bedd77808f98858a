package se.utfall.rfi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "The gate after the last phase: the award to one or more of its suppliers, each with its"
        + " contract; feedback for every supplier of the phase; the reasons for the record")
public record AwardRequest(
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid AwardInput> awarded,
        @NotNull @Size(max = 100) List<@NotNull @Valid FeedbackInput> feedback,
        @NotBlank @Size(max = 20000) String reasons) {
}
