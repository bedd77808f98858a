package se.utfall.rfi.messaging;

import java.util.UUID;

/** A consortium member as response events carry it. */
public record MemberData(String name, UUID organisationId, String role) {
}
