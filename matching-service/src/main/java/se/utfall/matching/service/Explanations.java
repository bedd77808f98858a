package se.utfall.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.ranking.Concepts;
import se.utfall.matching.ranking.Need;
import se.utfall.matching.ranking.Ranker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

    /**
     * The language of the reader, "sv" or "en": {@code lang} when given (English for any "en…", Swedish
     * otherwise); else the one of the two the reader's {@code Accept-Language} ranks highest by its q-values (RFC
     * 9110, section 12.5.4; at equal weight the first named; q=0 refuses); Swedish when it names neither.
     */
    public static String language(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return lang.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "sv";
        }
        if (acceptLanguage == null) {
            return "sv";
        }
        String best = "sv";
        double bestQ = 0;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.split(";");
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            String primary = tag.split("-")[0];
            if (!primary.equals("sv") && !primary.equals("en")) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    q = quality(param.substring(2));
                }
            }
            if (q > bestQ) {
                best = primary;
                bestQ = q;
            }
        }
        return best;
    }

    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value.strip());
            return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
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
        return reasons(need, m, lang, need.municipalityCode());
    }

    /**
     * Why {@code m} fits {@code need}, in the reader's language; {@code municipality} is the need's municipality as
     * people name it (Ljusdal), and the need's place (Färila) is said to be in it, never taken for it.
     */
    public List<String> reasons(Need need, Ranker.Match m, String lang, String municipality) {
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
        String name = municipality != null ? municipality : need.municipalityCode();
        String place = need.locality() != null && !need.locality().equalsIgnoreCase(name)
                ? (en ? ", where " + need.locality() + " is" : ", där " + need.locality() + " ligger") : "";
        String where = switch (locality(need, m)) {
            case "MUNICIPALITY" -> en ? "Works in the municipality of the need (" + name + place + ")"
                    : "Verkar i behovets kommun (" + name + place + ")";
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
        List<String> languages = m.profile().languages();
        if (!languages.isEmpty()) {
            String named = languages.stream().map(l -> languageName(l, en)).collect(Collectors.joining(", "));
            out.add(languages.contains(need.language()) ? (en ? "Works in " : "Arbetar på ") + named
                    : en ? "Works in " + named + ", not in " + languageName(need.language(), true)
                            : "Arbetar på " + named + ", inte på " + languageName(need.language(), false));
        }
        return out;
    }

    /** The reasons as one sentence. */
    public String explanation(Need need, Ranker.Match m, String lang) {
        return explanation(need, m, lang, need.municipalityCode());
    }

    /** The reasons as one sentence, naming the need's municipality as people do. */
    public String explanation(Need need, Ranker.Match m, String lang, String municipality) {
        List<String> reasons = reasons(need, m, lang, municipality);
        if (reasons.isEmpty()) {
            return "en".equals(lang) ? "Shares words with the need." : "Delar ord med behovet.";
        }
        return String.join(". ", reasons) + ".";
    }

    /** A language's name in the reader's language ("arabiska", "Arabic"), or its code when the JDK has none. */
    static String languageName(String code, boolean en) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(en ? Locale.ENGLISH : SWEDISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
}
