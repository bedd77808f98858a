package se.utfall.rfi.messaging;

import java.util.UUID;

/** A criterion as RFI events carry it (schema rfi.v1). */
public record CriterionData(UUID id, String name, String description, int weight) {
}
