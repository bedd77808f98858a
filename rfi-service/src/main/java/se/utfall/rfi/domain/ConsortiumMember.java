package se.utfall.rfi.domain;

import java.util.UUID;

/** A partner in a consortium response (the campsite kitchen next to the village shop), with its role. */
public record ConsortiumMember(String name, UUID organisationId, String role) {
}
