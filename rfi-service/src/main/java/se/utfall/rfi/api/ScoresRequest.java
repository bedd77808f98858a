package se.utfall.rfi.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "All your scores of one response: replaces the ones you gave before; criteria left out stay"
        + " unscored by you (your total counts once you scored every criterion)")
public record ScoresRequest(@NotNull @Size(max = 100) List<@NotNull @Valid ScoreInput> scores) {
}
