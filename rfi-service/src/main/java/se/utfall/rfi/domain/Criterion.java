package se.utfall.rfi.domain;

import java.util.UUID;

/** An evaluation criterion, published with the RFI so respondents know how they will be judged. */
public record Criterion(UUID id, String name, String description, int weight) {
}
