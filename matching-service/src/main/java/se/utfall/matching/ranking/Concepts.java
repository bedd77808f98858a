package se.utfall.matching.ranking;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text to concepts, in Swedish or English: Lucene's tokenizer, stop words of both languages, Swedish compounds
 * split into known parts ("matdistribution" also yields "mat" and "distribution"), light stemming per language,
 * diacritics folded; then every phrase of the domain glossary found in the text adds its group ("§12"), which a
 * text in the other language reaches through its own terms of the group. Thread-safe once built.
 */
public final class Concepts {
    /** A glossary group's token prefix: a character the tokenizer never leaves in a word. */
    public static final String GROUP = "§";

    private final Analyzer swedish;
    private final Analyzer english;
    /** Stemmed phrase (space-joined) → glossary groups. */
    private final Map<String, Set<Integer>> phrases = new HashMap<>();
    private final Set<Integer> placeBound = new HashSet<>();
    private final List<String> groupNames = new ArrayList<>();
    private final List<String> groupNamesEn = new ArrayList<>();
    private int longestPhrase = 1;

    private Concepts(CharArraySet compoundParts) {
        CharArraySet stop = new CharArraySet(SwedishAnalyzer.getDefaultStopSet(), true);
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        this.swedish = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream t = new LowerCaseFilter(source);
                t = new StopFilter(t, stop);
                t = new DictionaryCompoundWordTokenFilter(t, compoundParts, 6, 3, 20, false);
                t = new SwedishLightStemFilter(t);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(t));
            }
        };
        this.english = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream t = new EnglishPossessiveFilter(new LowerCaseFilter(source));
                t = new StopFilter(t, stop);
                t = new PorterStemFilter(t);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(t));
            }
        };
    }

    /** The concepts with the glossary shipped in this module. */
    public static Concepts standard() {
        try (InputStream in = Concepts.class.getResourceAsStream("glossary.txt")) {
            return fromGlossary(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Concepts from a glossary text (see glossary.txt for the format). */
    public static Concepts fromGlossary(String glossary) {
        List<String[]> groups = new ArrayList<>();
        CharArraySet parts = new CharArraySet(256, true);
        try (BufferedReader r = new BufferedReader(new StringReader(glossary))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                groups.add(line.split("\\|", -1));
                for (String term : line.replace("@place", "").split("[|,]")) {
                    String t = term.strip().toLowerCase(Locale.ROOT);
                    if (!t.contains(" ") && t.length() >= 3) {
                        parts.add(t);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Concepts c = new Concepts(parts);
        for (int g = 0; g < groups.size(); g++) {
            String[] sides = groups.get(g);
            boolean place = sides[0].strip().startsWith("@place");
            if (place) {
                c.placeBound.add(g);
            }
            String sv = sides[0].replace("@place", "");
            String en = sides.length > 1 ? sides[1] : "";
            c.groupNames.add(sv.split(",")[0].strip());
            c.groupNamesEn.add(en.isBlank() ? sv.split(",")[0].strip() : en.split(",")[0].strip());
            for (String term : sv.split(",")) {
                c.addPhrase(term, "sv", g);
            }
            for (String term : en.split(",")) {
                c.addPhrase(term, "en", g);
            }
        }
        return c;
    }

    private void addPhrase(String term, String language, int group) {
        if (term.isBlank()) {
            return;
        }
        List<String> stems = stems(term, language);
        if (stems.isEmpty()) {
            return;
        }
        phrases.computeIfAbsent(String.join(" ", stems), k -> new HashSet<>()).add(group);
        longestPhrase = Math.max(longestPhrase, stems.size());
    }

    /** The analysed words of a text, in order (compound parts follow their compound). */
    public List<String> stems(String text, String language) {
        if (text == null || text.isBlank()) {
            return new ArrayList<>();
        }
        return tokens("en".equals(language) ? english : swedish, text);
    }

    /** The terms an analyser makes of a text, in order. */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The stems of a text followed by the glossary groups its phrases belong to. */
    public List<String> of(String text, String language) {
        List<String> stems = stems(text, language);
        List<String> out = new ArrayList<>(stems);
        out.addAll(groupTokens(stems));
        return out;
    }

    private List<String> groupTokens(List<String> stems) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stems.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int n = 0; n < longestPhrase && i + n < stems.size(); n++) {
                phrase.append(n == 0 ? "" : " ").append(stems.get(i + n));
                Set<Integer> groups = phrases.get(phrase.toString());
                if (groups != null) {
                    groups.forEach(g -> out.add(GROUP + g));
                }
            }
        }
        return out;
    }

    /** Whether a group token names an activity that happens where people live. */
    public boolean isPlaceBound(String token) {
        return token.startsWith(GROUP) && placeBound.contains(Integer.parseInt(token.substring(1)));
    }

    /** A readable name for a group token (its first Swedish term), or the token itself. */
    public String name(String token) {
        return name(token, "sv");
    }

    /** A readable name for a group token in a language ("sv" or "en": its first term there). */
    public String name(String token, String language) {
        if (token.startsWith(GROUP)) {
            int g = Integer.parseInt(token.substring(1));
            return "en".equals(language) ? groupNamesEn.get(g) : groupNames.get(g);
        }
        return token;
    }

    /** The glossary groups a text names: what it is about, in either language. */
    public Set<String> groups(String text, String language) {
        return new LinkedHashSet<>(groupTokens(stems(text, language)));
    }

    /**
     * The language a text is most likely written in, "sv" or "en", by the common words of each (Swedish when
     * undecided, as most texts here are). Good enough for choosing an analyser; not a general detector.
     */
    public static String guessLanguage(String text) {
        if (text == null || text.isBlank()) {
            return "sv";
        }
        int sv = 0;
        int en = 0;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (SWEDISH_MARKERS.contains(w)) {
                sv++;
            } else if (ENGLISH_MARKERS.contains(w)) {
                en++;
            }
        }
        return en > sv ? "en" : "sv";
    }

    private static final Set<String> SWEDISH_MARKERS = Set.of("och", "att", "det", "som", "en", "är", "av", "för",
            "med", "till", "på", "har", "de", "inte", "om", "ett", "vi", "kan", "i", "från", "eller", "hos", "varje");
    private static final Set<String> ENGLISH_MARKERS = Set.of("and", "the", "to", "of", "is", "for", "with", "on",
            "that", "are", "we", "can", "in", "from", "or", "at", "by", "our", "every", "who", "their");
}
