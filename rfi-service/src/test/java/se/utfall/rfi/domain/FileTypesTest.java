package se.utfall.rfi.domain;

import org.junit.jupiter.api.Test;
import se.utfall.rfi.Files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypesTest {

    @Test
    void theAcceptedKindsAreRecognisedByTheirContent() {
        assertThat(FileTypes.sniff(Files.pdf(100))).contains(FileTypes.PDF);
        assertThat(FileTypes.sniff(Files.png(100))).contains(FileTypes.PNG);
        assertThat(FileTypes.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0}))
                .contains(FileTypes.JPEG);
        assertThat(FileTypes.sniff(Files.docx())).contains(FileTypes.DOCX);
        assertThat(FileTypes.sniff(Files.odt())).contains(FileTypes.ODT);
    }

    @Test
    void anythingElseIsNotWhateverItsNameSays() {
        assertThat(FileTypes.sniff(Files.html())).isEmpty();
        assertThat(FileTypes.sniff(Files.plainZip())).isEmpty();
        assertThat(FileTypes.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(FileTypes.sniff(new byte[0])).isEmpty();
        assertThat(FileTypes.sniff("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        // A truncated or damaged ZIP is not a document (and does not throw).
        byte[] docx = Files.docx();
        assertThat(FileTypes.sniff(Arrays.copyOf(docx, docx.length / 2))).isEmpty();
        byte[] damaged = docx.clone();
        damaged[damaged.length - 6] = (byte) 0xFF;
        assertThat(FileTypes.sniff(damaged)).isEmpty();
    }
}
