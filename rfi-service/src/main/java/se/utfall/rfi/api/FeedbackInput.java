package se.utfall.rfi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "What a supplier reads about the gate's decision on it")
public record FeedbackInput(@NotNull UUID participationId, @NotBlank @Size(max = 20000) String feedback) {
}
