package se.utfall.web.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRedactionTest {
    private static final String ANNA = "Anna, 87, bor ensam vid kyrkan";

    @Test
    void onlyStringValuesChangeAndNumbersStayAsWritten() {
        String stored = "{\"needInsights\":{\"from\":[{\"text\":\"" + ANNA + " och vill äta varmt\"}],\"to\":[]},"
                + "\"budget\":{\"from\":{\"amount\":560000.00,\"currency\":\"SEK\"},\"to\":{\"amount\":78.50,"
                + "\"currency\":\"SEK\"}},\"volume\":5.84E+3,\"n\":5840}";
        String out = JsonRedaction.replaceInStrings(stored, ANNA, "[raderat]");
        assertThat(out).doesNotContain("Anna, 87").contains("[raderat] och vill äta varmt")
                .contains("\"amount\":560000.00").contains("\"amount\":78.50").contains("5.84E+3")
                .contains("\"n\":5840");
        assertThat(out.indexOf("needInsights")).isLessThan(out.indexOf("budget"));
    }

    @Test
    void aTextWithQuotesIsFoundAsItIsEscaped() {
        String text = "säger \"Anna\"";
        String stored = "{\"note\":\"Hon " + JsonRedaction.escaped(text) + " i intervjun\"}";
        assertThat(JsonRedaction.replaceInStrings(stored, text, "[raderat]"))
                .isEqualTo("{\"note\":\"Hon [raderat] i intervjun\"}");
    }

    @Test
    void aTextOnlyInAKeyOrAbsentLeavesTheStoredTextAlone() {
        String stored = "{ \"Anna\" : 1 }";
        assertThat(JsonRedaction.replaceInStrings(stored, "Anna", "[raderat]")).isSameAs(stored);
        assertThat(JsonRedaction.replaceInStrings("{}", "Anna", "[raderat]")).isEqualTo("{}");
    }
}
