package se.utfall.rfi.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt is RFC 8785 canonical JSON, byte for byte, so any standard verifier recomputes its hash: the expected
 * text below is written by hand from the RFC's rules (keys in UTF-16 order; only {@code "}, {@code \} and control
 * characters escaped, with lower-case hex or the short forms; everything else, U+2028, an emoji and a lone
 * combining mark included, as UTF-8), not by the code under test.
 */
class ReceiptsTest {
    private static final UUID RESPONSE = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID RFI = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID ORG = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID QUESTION = UUID.fromString("00000000-0000-4000-8000-000000000004");

    @Test
    void theCanonicalFormIsRfc8785EvenForControlCharactersSeparatorsEmojiAndCombiningMarks() {
        RfiResponse r = new RfiResponse();
        r.id = RESPONSE;
        r.rfiId = RFI;
        r.organisationId = ORG;
        r.summary = "a\u000Bb\u001Fc\u2028d\uD83D\uDE00e\u0301\tf\"g\\h";
        r.estimatedAnnualCost = new BigDecimal("9500000.00");
        r.currency = "SEK";
        r.replaceAnswers(List.of(new Answer(QUESTION, "Vi lagar maten i byn", null, List.of(), true)));
        r.replaceConsortium(List.of(new ConsortiumMember("Ramsjö Camping", null, "Kök")));
        r.replaceAttachments(List.of());

        String canonical = Receipts.canonical(r, Instant.parse("2026-05-27T21:59:59.123456Z"));

        String expected = "{\"answers\":[{\"confidential\":true,\"questionId\":\"" + QUESTION
                + "\",\"text\":\"Vi lagar maten i byn\"}],"
                + "\"consortium\":[{\"name\":\"Ramsjö Camping\",\"role\":\"Kök\"}],"
                + "\"currency\":\"SEK\",\"estimatedAnnualCost\":\"9500000\",\"organisationId\":\"" + ORG
                + "\",\"responseId\":\"" + RESPONSE + "\",\"rfiId\":\"" + RFI
                + "\",\"submittedAt\":\"2026-05-27T21:59:59.123456Z\","
                + "\"summary\":\"a\\u000bb\\u001fc\u2028d\uD83D\uDE00e\u0301\\tf\\\"g\\\\h\"}";
        assertThat(canonical).isEqualTo(expected);
    }
}
