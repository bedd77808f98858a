package se.utfall.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.ranking.Concepts;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Ranker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a profile was recommended, in words a buyer or an innovator can check, in Swedish or English: the concepts
 * the texts share (also across the two languages), the sectors both name, where the provider works compared
 * with where the need is, and the languages.
 */
@ApplicationScoped
public class Explanations {
    private final Concepts concepts;

    public Explanations(ProfileIndex index) {
        this.concepts = index.concepts();
    }

    /** The language of the reader: "en" when asked for, Swedish otherwise. */
    public static String language(String requested) {
        return requested != null && requested.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "sv";
    }

    public List<String> sharedConcepts(Ranker.Match m, String lang) {
        return m.shared().stream().map(t -> concepts.name(t, lang)).distinct().toList();
    }

    public static List<String> sharedSectors(Need need, Ranker.Match m) {
        return need.sectors().stream().filter(m.profile().sectors()::contains).toList();
    }

    /** What the locality signal says, as a code: MUNICIPALITY, COUNTY, NATIONAL or ELSEWHERE. */
    public static String locality(Need need, Ranker.Match m) {
        return Ranker.tier(need.municipalityCode(), m.profile().regionsServed()).name();
    }

    public List<String> reasons(Need need, Ranker.Match m, String lang) {
        boolean en = "en".equals(lang);
        List<String> out = new ArrayList<>();
        List<String> shared = sharedConcepts(m, lang);
        if (!shared.isEmpty()) {
            out.add((en ? "Both speak of " : "Båda handlar om ") + String.join(", ", shared));
        }
        List<String> sectors = sharedSectors(need, m);
        if (!sectors.isEmpty()) {
            out.add((en ? "Same sectors: " : "Samma sektorer: ") + String.join(", ", sectors));
        }
        String place = need.locality() != null ? need.locality() : need.municipalityCode();
        String where = switch (locality(need, m)) {
            case "MUNICIPALITY" -> en ? "Works in the municipality of the need (" + place + ")"
                    : "Verkar i behovets kommun (" + place + ")";
            case "COUNTY" -> en ? "Works in the same county, not in the municipality itself"
                    : "Verkar i samma län, men inte i kommunen";
            case "NATIONAL" -> m.placeBound()
                    ? (en ? "A national provider: the need is done on site, so check it can be there"
                            : "Rikstäckande: behovet utförs på plats, så kontrollera att de kan vara där")
                    : (en ? "Serves the whole country" : "Verkar i hela landet");
            default -> m.placeBound()
                    ? (en ? "Works elsewhere: the need is done on site"
                            : "Verkar på annan ort: behovet utförs på plats")
                    : (en ? "Works elsewhere" : "Verkar på annan ort");
        };
        if (need.municipalityCode() != null || !"ELSEWHERE".equals(locality(need, m))) {
            out.add(where);
        }
        if (!m.profile().language().equals(need.language())) {
            out.add(en ? "Writes in " + languageName(m.profile().language(), true) + "; matched across languages"
                    : "Skriver på " + languageName(m.profile().language(), false) + "; matchad över språkgränsen");
        }
        return out;
    }

    /** The reasons as one sentence. */
    public String explanation(Need need, Ranker.Match m, String lang) {
        List<String> reasons = reasons(need, m, lang);
        if (reasons.isEmpty()) {
            return "en".equals(lang) ? "Shares words with the need." : "Delar ord med behovet.";
        }
        return String.join(". ", reasons) + ".";
    }

    private static String languageName(String code, boolean en) {
        return switch (code) {
            case "en" -> en ? "English" : "engelska";
            case "sv" -> en ? "Swedish" : "svenska";
            default -> code;
        };
    }
}
