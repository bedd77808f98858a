package se.utfall.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event catalogue ({@code utfall/events/catalogue.json}: type → topic, schema file, description) and the JSON
 * Schemas it names. Kept in this module only, so producers, consumers, partners' documentation and the
 * compatibility check all read the same contract.
 */
public final class EventSchemas {
    public static final String ROOT = "utfall/events/";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();
    private static volatile Map<String, Entry> catalogue;

    /** Who may read a type's topic. */
    public enum Audience {
        /** Partner-readable: only what an anonymous reader of the REST API may see, never personal data. */
        PUBLIC,
        /** Utfall's own services only; a partner's Kafka user gets no ACL for these topics. */
        INTERNAL
    }

    /** One catalogue entry. */
    public record Entry(String type, String topic, String schema, String description, Audience audience) {
    }

    /** Violation keywords a tolerant reader accepts: fields it does not know, enum values added after it was built. */
    private static final Set<String> TOLERATED = Set.of("additionalProperties",
            "unevaluatedProperties", "enum");
    private static volatile Map<String, String> restricted;

    private EventSchemas() {
    }

    public static Map<String, Entry> catalogue() {
        Map<String, Entry> loaded = catalogue;
        if (loaded == null) {
            JsonNode root = read(ROOT + "catalogue.json")
                    .orElseThrow(() -> new IllegalStateException("catalogue.json missing from the classpath"));
            Map<String, Entry> entries = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("types").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                entries.put(e.getKey(), new Entry(e.getKey(), v.path("topic").asText(), v.path("schema").asText(),
                        v.path("description").asText(),
                        Audience.valueOf(v.path("audience").asText("internal").toUpperCase(Locale.ROOT))));
            }
            Map<String, String> fields = new LinkedHashMap<>();
            root.path("restrictedFields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            restricted = Map.copyOf(fields);
            catalogue = loaded = Map.copyOf(entries);
        }
        return loaded;
    }

    public static Optional<Entry> entry(String type) {
        return Optional.ofNullable(type).map(catalogue()::get);
    }

    /**
     * Field names that are personal data or confidential wherever they appear, with why; no public schema may
     * contain one (checked by a test).
     */
    public static Map<String, String> restrictedFields() {
        catalogue();
        return restricted;
    }

    /** The topic a type is published on: producers never choose it themselves. */
    public static String topicOf(String type) {
        return entry(type).map(Entry::topic)
                .orElseThrow(() -> new IllegalArgumentException("event type not in the catalogue: " + type));
    }

    public static boolean isKnown(String type) {
        return entry(type).isPresent();
    }

    /** The raw schema document of a schema file named in the catalogue. */
    public static Optional<JsonNode> rawSchema(String schemaFile) {
        return read(ROOT + "schemas/" + schemaFile);
    }

    /** Schema violations of an event body; an unknown type is itself a violation. */
    public static List<String> validate(String type, JsonNode data) {
        Optional<Entry> entry = entry(type);
        if (entry.isEmpty()) {
            return List.of("unknown event type '" + type + "'");
        }
        return compiled(entry.get()).validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * What a consumer must refuse in an event of a known type, as a tolerant reader: fields it does not know and
     * enum values added after it was built are accepted (and must be handled as "other"); a missing required
     * field or a wrong type is not.
     */
    public static List<String> validateTolerant(String type, JsonNode data) {
        Optional<Entry> entry = entry(type);
        if (entry.isEmpty()) {
            return List.of("unknown event type '" + type + "'");
        }
        return compiled(entry.get()).validate(data).stream().filter(m -> !TOLERATED.contains(m.getType()))
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema compiled(Entry entry) {
        return COMPILED.computeIfAbsent(entry.schema(), file -> FACTORY.getSchema(
                rawSchema(file).orElseThrow(() -> new IllegalStateException("schema file missing: " + file))));
    }

    private static Optional<JsonNode> read(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }
}
