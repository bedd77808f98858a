package se.utfall.rfi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of the accepted kinds, and impostors. */
public final class Files {
    private Files() {
    }

    public static byte[] pdf(int size) {
        byte[] head = "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = Arrays.copyOf(head, Math.max(size, head.length));
        Arrays.fill(b, head.length, b.length, (byte) ' ');
        return b;
    }

    public static byte[] png(int size) {
        byte[] b = new byte[Math.max(size, 16)];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    public static byte[] html() {
        return "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal word processing document: the parts a reader needs to know what it is. */
    public static byte[] docx() {
        return zip(false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "word/document.xml", "<w:document/>");
    }

    /** An ODF text document: the stored mimetype entry first. */
    public static byte[] odt() {
        return zip(true, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml",
                "<office:document-content/>", "META-INF/manifest.xml", "<manifest/>");
    }

    /** A ZIP that is neither. */
    public static byte[] plainZip() {
        return zip(false, "readme.txt", "hello");
    }

    private static byte[] zip(boolean firstStored, String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry e = new ZipEntry(namesAndContents[i]);
                if (firstStored && i == 0) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(content.length);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(content);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
