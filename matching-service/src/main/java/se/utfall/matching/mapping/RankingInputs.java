package se.utfall.matching.mapping;

import se.utfall.matching.domain.InnovatorProfile;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.matching.ranking.Concepts;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Profile;

import java.util.List;
import java.util.UUID;

/** Entities as the ranking reads them: the ranking knows no entity, the entities know no ranking. */
public final class RankingInputs {
    private RankingInputs() {
    }

    /** The profile as the ranking reads it, in the language its description is written in. */
    public static Profile profile(UUID id, String name, String type, String description, List<String> capabilities,
            List<String> sectors, List<String> regionsServed, List<String> languages) {
        return new Profile(id.toString(), name, type, description, capabilities, sectors, regionsServed,
                Concepts.guessLanguage(description + " " + String.join(" ", capabilities)), languages);
    }

    public static Profile profile(InnovatorProfile p) {
        return profile(p.id, p.name, p.type, p.description, InnovatorProfile.list(p.capabilities),
                InnovatorProfile.list(p.sectors), InnovatorProfile.list(p.regionsServed),
                InnovatorProfile.list(p.languages));
    }

    /**
     * The need as the ranking reads it. An RFI says what it asks in its own title and description, and takes
     * what it does not say itself (sectors, target group, place) from its challenge, when the index knows it.
     */
    public static Need need(NeedEntry n, NeedEntry challenge) {
        boolean inherit = NeedEntry.RFI.equals(n.kind) && challenge != null;
        List<String> ownSectors = n.sectorList();
        return new Need(n.id.toString(), n.title, n.problemStatement,
                n.targetGroup != null || !inherit ? n.targetGroup : challenge.targetGroup,
                !ownSectors.isEmpty() || !inherit ? ownSectors : challenge.sectorList(),
                n.municipalityCode != null || !inherit ? n.municipalityCode : challenge.municipalityCode,
                n.locality != null || !inherit ? n.locality : challenge.locality, n.language);
    }
}
