package se.utfall.matching.api;

import java.util.List;
import java.util.UUID;

/** A suggested consortium of complementary local actors for a place-bound need. */
public record ConsortiumView(double score, List<Member> members, List<String> covered, List<String> missing,
        String explanation) {

    /** A member: who, and what of the need it brings that the members before it do not. */
    public record Member(UUID profileId, UUID organisationId, String name, String type, String locality,
            List<String> brings, String explanation) {
    }
}
