package se.utfall.matching.ranking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConceptsTest {
    private static final Concepts CONCEPTS = Concepts.standard();

    private static List<String> groups(String text, String language) {
        return CONCEPTS.of(text, language).stream().filter(t -> t.startsWith(Concepts.GROUP)).toList();
    }

    @Test
    void aSwedishCompoundMeetsItsParts() {
        List<String> compound = CONCEPTS.stems("matdistribution", "sv");
        assertThat(compound).containsAll(CONCEPTS.stems("mat distribution", "sv"));
        assertThat(groups("matdistribution", "sv")).containsAll(groups("mat", "sv"));
    }

    @Test
    void foldingAndStemmingDoNotMakeHomonymsOfTheGlossary() {
        // "gång" (once a week) folds to "gang" like "gäng"; "well" is in "as well as" and "well-being".
        assertThat(groups("gängkriminalitet", "sv")).isNotEmpty();
        assertThat(groups("private wells", "en")).isNotEmpty();
        assertThat(groups("Maten körs ut en gång i veckan.", "sv"))
                .doesNotContainAnyElementsOf(groups("gängkriminalitet", "sv"));
        assertThat(groups("Support for well-being as well as health.", "en"))
                .doesNotContainAnyElementsOf(groups("private wells", "en"));
    }

    @Test
    void synonymsMeetWithinAndAcrossTheLanguages() {
        assertThat(groups("pensionärer", "sv")).containsAnyElementsOf(groups("äldre", "sv"));
        assertThat(groups("elderly people", "en")).containsAnyElementsOf(groups("äldre", "sv"));
        assertThat(groups("meals", "en")).containsAnyElementsOf(groups("måltider", "sv"));
        assertThat(groups("school", "en")).containsAnyElementsOf(groups("skolan", "sv"));
        assertThat(groups("social isolering", "sv")).containsAnyElementsOf(groups("loneliness", "en"));
    }

    @Test
    void diacriticsAndStopWordsDoNotMatter() {
        assertThat(CONCEPTS.stems("Ramsjö", "sv")).isEqualTo(CONCEPTS.stems("ramsjo", "sv"));
        assertThat(CONCEPTS.stems("och för att det", "sv")).isEmpty();
    }

    @Test
    void mealsAndTransportArePlaceBoundAdviceIsNot() {
        assertThat(groups("varm mat levereras hem", "sv")).anyMatch(CONCEPTS::isPlaceBound);
        assertThat(groups("digital rådgivning om ekonomi", "sv")).noneMatch(CONCEPTS::isPlaceBound);
    }
}
