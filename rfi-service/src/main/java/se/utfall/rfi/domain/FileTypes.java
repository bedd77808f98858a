package se.utfall.rfi.domain;

import se.utfall.web.problem.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is, read from its bytes, never from its name or a declared type: PDF, PNG and JPEG by their
 * signatures; ODF text and Office Open XML word documents by their ZIP structure. The ZIP is read from its central
 * directory without inflating anything, so a compressed bomb costs nothing to recognise.
 */
public final class FileTypes {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int MAX_ENTRIES = 10_000;

    private FileTypes() {
    }

    /** The media type of {@code content}, when it is one Utfall accepts. */
    public static Optional<String> sniff(byte[] content) {
        if (startsWith(content, 0, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, ZIP_MAGIC)) {
            return zipType(content);
        }
        return Optional.empty();
    }

    /**
     * The name a file of {@code mediaType} is stored under: {@code given} when its extension names that type
     * ({@code .jpeg} for a JPEG too), with the type's extension added when it has none ({@code plan} → plan.pdf);
     * refused when its extension names another kind of file, so a buyer never downloads a PDF called plan.png.
     */
    public static String nameFor(String given, String mediaType) {
        int dot = given.lastIndexOf('.');
        if (dot <= 0 || dot == given.length() - 1) {
            return given + "." + extension(mediaType);
        }
        String ext = given.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean fits = switch (mediaType) {
            case JPEG -> ext.equals("jpg") || ext.equals("jpeg") || ext.equals("jpe");
            default -> ext.equals(extension(mediaType));
        };
        if (!fits) {
            throw new RuleViolation(RuleViolation.Kind.INVALID,
                    "The file's name says ." + ext + " but its content is " + label(mediaType),
                    List.of(new RuleViolation.FieldProblem("filename",
                            "ends in ." + ext + " but the file is " + label(mediaType) + "; name it ."
                            + extension(mediaType))));
        }
        return given;
    }

    private static String label(String mediaType) {
        return switch (mediaType) {
            case PDF -> "a PDF";
            case PNG -> "a PNG image";
            case JPEG -> "a JPEG image";
            case ODT -> "an OpenDocument text";
            case DOCX -> "a Word document";
            default -> mediaType;
        };
    }

    /** The usual file name extension for an accepted type. */
    public static String extension(String mediaType) {
        return switch (mediaType) {
            case PDF -> "pdf";
            case PNG -> "png";
            case JPEG -> "jpg";
            case ODT -> "odt";
            case DOCX -> "docx";
            default -> "bin";
        };
    }

    /**
     * ODF: the first entry is the stored (uncompressed) {@code mimetype} naming the text type (ODF 1.2 part 3,
     * 3.3). OOXML: the central directory lists {@code [Content_Types].xml} and {@code word/document.xml}.
     */
    private static Optional<String> zipType(byte[] b) {
        byte[] odfName = "mimetype".getBytes(StandardCharsets.US_ASCII);
        byte[] odfType = ODT.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 38 + odfType.length && u16(b, 8) == 0 && u16(b, 26) == odfName.length
                && startsWith(b, 30, odfName) && startsWith(b, 38 + u16(b, 28), odfType)
                && u32(b, 18) == odfType.length) {
            return Optional.of(ODT);
        }
        Set<String> names = centralDirectoryNames(b);
        if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    /** The entry names of a ZIP's central directory; empty when it cannot be found or is inconsistent. */
    private static Set<String> centralDirectoryNames(byte[] b) {
        Set<String> names = new HashSet<>();
        int end = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
            if (u32(b, i) == END_OF_DIRECTORY) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return names;
        }
        int entries = u16(b, end + 10);
        long offset = u32(b, end + 16);
        if (entries > MAX_ENTRIES || offset < 0 || offset >= end) {
            return names;
        }
        int at = (int) offset;
        for (int i = 0; i < entries; i++) {
            if (at + 46 > end || u32(b, at) != DIRECTORY_ENTRY) {
                return Set.of();
            }
            int nameLength = u16(b, at + 28);
            int extraLength = u16(b, at + 30);
            int commentLength = u16(b, at + 32);
            if (at + 46 + nameLength > end) {
                return Set.of();
            }
            names.add(new String(b, at + 46, nameLength, StandardCharsets.UTF_8));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (offset < 0 || b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return at < 0 || at + 2 > b.length ? -1 : (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return at < 0 || at + 4 > b.length ? -1
                : (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
