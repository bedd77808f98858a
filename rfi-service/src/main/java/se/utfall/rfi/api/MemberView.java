package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A partner in a consortium response, with its role; {@code organisationId} when it is on Utfall. */
@Schema(name = "ConsortiumMember")
public record MemberView(String name, UUID organisationId, String role) {
}
