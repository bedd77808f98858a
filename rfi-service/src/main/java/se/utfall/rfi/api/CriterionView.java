package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An evaluation criterion, published with the RFI so respondents know how they will be judged. */
@Schema(name = "Criterion")
public record CriterionView(UUID id, String name, String description, int weight) {
}
