package se.utfall.rfi.domain;

import java.util.List;
import java.util.UUID;

/** What a list of RFIs asks for; null means any. */
public record RfiFilter(List<RfiStatus> statuses, UUID owner, UUID challengeId, String municipalityCode,
        String text) {
}
