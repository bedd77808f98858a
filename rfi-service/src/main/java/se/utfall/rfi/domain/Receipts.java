package se.utfall.rfi.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receipt of a submission: SHA-256 over the RFC 8785 (JCS) canonical JSON of what was submitted, written by a
 * maintained JCS implementation (erdtman's), so any standard verifier gets the same bytes: object keys sorted by
 * UTF-16 code units, no insignificant whitespace, UTF-8, only {@code "}, {@code \} and control characters escaped
 * (as {@code \u000b}, lower case). Absent values are left out; amounts and numbers are decimal strings (no binary
 * floating point is involved); the instant is ISO 8601 in UTC as {@link Instant#toString()} writes it (seconds, and
 * a fraction only as long as it needs: {@code 2026-05-27T21:59:59.123456Z}). Attachments by their SHA-256, so the
 * receipt covers their bytes.
 */
public final class Receipts {
    public static final String ALGORITHM = "SHA-256 over the RFC 8785 (JCS) canonical JSON of the submitted content"
            + " (UTF-8; numbers as decimal strings; absent values left out; submittedAt as ISO 8601 UTC)";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Receipts() {
    }

    public static String canonical(RfiResponse r, Instant submittedAt) {
        Map<String, Object> content = new TreeMap<>();
        content.put("responseId", r.id.toString());
        content.put("rfiId", r.rfiId.toString());
        content.put("organisationId", r.organisationId.toString());
        content.put("submittedAt", submittedAt.toString());
        content.put("summary", r.summary);
        content.put("estimatedAnnualCost", decimal(r.estimatedAnnualCost));
        content.put("currency", r.currency);
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Answer a : r.answers()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("questionId", a.questionId().toString());
            m.put("text", a.text());
            m.put("number", decimal(a.number()));
            m.put("choices", a.choices().isEmpty() ? null : a.choices());
            m.put("confidential", a.confidential());
            answers.add(m);
        }
        content.put("answers", answers);
        List<Map<String, Object>> members = new ArrayList<>();
        for (ConsortiumMember c : r.consortium()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("name", c.name());
            m.put("organisationId", c.organisationId() == null ? null : c.organisationId().toString());
            m.put("role", c.role());
            members.add(m);
        }
        content.put("consortium", members);
        List<Map<String, Object>> files = new ArrayList<>();
        for (Attachment a : r.attachments()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("id", a.id().toString());
            m.put("fileName", a.fileName());
            m.put("mediaType", a.mediaType());
            m.put("sizeBytes", Long.toString(a.sizeBytes()));
            m.put("sha256", a.sha256());
            files.add(m);
        }
        // Left out when there are none, so receipts given before attachments existed still verify.
        content.put("attachments", files.isEmpty() ? null : files);
        try {
            return new JsonCanonicalizer(CANONICAL.writeValueAsString(content)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decimal(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }
}
