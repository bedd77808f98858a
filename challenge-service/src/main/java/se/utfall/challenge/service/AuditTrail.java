package se.utfall.challenge.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.domain.AuditEntry;
import se.utfall.web.json.RecordDiff;
import se.utfall.web.security.Actor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records who changed what on a challenge, as a field-by-field diff of its view. */
@ApplicationScoped
public class AuditTrail {
    /** Bookkeeping fields that change with every write and say nothing about the content. */
    private static final Set<String> IGNORED = Set.of("version", "updatedAt", "createdAt", "municipalityName");

    private final ObjectMapper mapper;
    private final RecordDiff diff;

    public AuditTrail(ObjectMapper mapper) {
        this.mapper = mapper;
        this.diff = new RecordDiff(mapper, IGNORED);
    }

    /**
     * field → {from, to} for every top-level field of the view that differs ({@code before} null: every field
     * with content).
     */
    public ObjectNode diff(Record before, Record after) {
        return diff.diff(before, after);
    }

    /** Whether any field a reader sees differs, bookkeeping aside (no JSON involved). */
    public boolean differs(Record before, Record after) {
        return diff.differs(before, after);
    }

    /** What replaces a redacted text. */
    public static final String REDACTED = "[raderat]";

    /** {@code changes} (a JSON object) with every occurrence of {@code text} inside its strings replaced. */
    public String redact(String changes, String text) {
        try {
            if (!changes.contains(jsonEscaped(text))) {
                return changes;
            }
            // Read exactly (78.50 stays 78.50), so only the redacted strings differ from what was stored.
            ObjectMapper exact = mapper.copy()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
            return exact.writeValueAsString(redact(exact.readTree(changes), text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode redact(JsonNode node, String text) {
        if (node.isTextual()) {
            return node.asText().contains(text)
                    ? mapper.getNodeFactory().textNode(node.asText().replace(text, REDACTED))
                    : node;
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> o.set(n, redact(o.get(n), text)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, redact(node.get(i), text));
            }
        }
        return node;
    }

    /** The text as it appears inside a JSON string. */
    public String jsonEscaped(String text) {
        try {
            String quoted = mapper.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Uni<AuditEntry> record(UUID challengeId, Actor actor, String action, boolean publicEntry, JsonNode changes,
            String note, Instant at) {
        AuditEntry e = new AuditEntry();
        e.challengeId = challengeId;
        e.at = at;
        e.actor = actor.subject();
        e.actorOrgId = actor.organisation();
        e.action = action;
        e.publicEntry = publicEntry;
        e.changes = changes == null ? "{}" : changes.toString();
        e.note = note;
        return e.persist();
    }
}
