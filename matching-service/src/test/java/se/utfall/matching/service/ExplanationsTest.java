package se.utfall.matching.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reader's language for reasons, and how languages are named in them. */
class ExplanationsTest {

    @Test
    void theLangParameterWinsOverTheHeader() {
        assertEquals("en", Explanations.language("en", "sv"));
        assertEquals("sv", Explanations.language("sv", "en"));
        assertEquals("sv", Explanations.language("de", "en"));
        // An empty lang= is no choice: the header decides.
        assertEquals("en", Explanations.language("", "en"));
    }

    @Test
    void acceptLanguageIsReadByItsWeights() {
        assertEquals("en", Explanations.language(null, "en-GB"));
        assertEquals("en", Explanations.language(null, "de-DE, en;q=0.8, sv;q=0.5"));
        assertEquals("sv", Explanations.language(null, "en;q=0.3, sv-FI;q=0.9"));
        assertEquals("en", Explanations.language(null, "sv;q=0, en"));
        // Equal weights: the first named.
        assertEquals("en", Explanations.language(null, "en, sv"));
        // Neither Swedish nor English, nothing, or nonsense: Swedish.
        assertEquals("sv", Explanations.language(null, "fi, de;q=0.7"));
        assertEquals("sv", Explanations.language(null, null));
        assertEquals("sv", Explanations.language(null, "en;q=banana"));
        assertEquals("sv", Explanations.language(null, "*"));
    }

    @Test
    void languagesAreNamedInTheReadersLanguage() {
        assertEquals("arabiska", Explanations.languageName("ar", false));
        assertEquals("Arabic", Explanations.languageName("ar", true));
        assertEquals("zz", Explanations.languageName("zz", true));
    }
}
