package se.utfall.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CloudEvent as read from a Kafka record in binary mode: attributes from {@code ce_*} headers, data from the
 * record value.
 */
public record CloudEvent(String id, String source, String type, String specVersion, Instant time, String subject,
        String key, JsonNode data) {

    /** Numbers stay exact: 999999999999999.99 is read as that decimal, never as a double. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /**
     * Reads and checks an event as a tolerant reader; throws {@link InvalidEventException} naming every problem
     * when the record is not a well-formed CloudEvent, or its type is in the catalogue and its body lacks what the
     * schema requires. A type this build does not know is returned as it is ({@link #isKnownType()} false) for
     * the caller to skip; unknown fields and unknown enum values are accepted.
     */
    public static CloudEvent parse(Map<String, String> headers, String key, byte[] value) {
        List<String> problems = new ArrayList<>();
        String id = required(headers, CloudEventHeaders.ID, problems);
        String source = required(headers, CloudEventHeaders.SOURCE, problems);
        String type = required(headers, CloudEventHeaders.TYPE, problems);
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION, problems);
        if (specVersion != null && !CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            problems.add("unsupported ce_specversion '" + specVersion + "'");
        }
        Instant time = null;
        String rawTime = headers.get(CloudEventHeaders.TIME);
        if (rawTime != null) {
            try {
                time = Instant.parse(rawTime);
            } catch (DateTimeParseException e) {
                problems.add("ce_time is not an RFC 3339 instant");
            }
        }
        JsonNode data = null;
        if (value == null) {
            problems.add("empty record value");
        } else {
            try {
                data = MAPPER.readTree(new String(value, StandardCharsets.UTF_8));
                if (data == null || !data.isObject()) {
                    problems.add("data is not a JSON object");
                    data = null;
                }
            } catch (IOException e) {
                problems.add("data is not valid JSON");
            }
        }
        if (type != null && data != null && EventSchemas.isKnown(type)) {
            EventSchemas.validateTolerant(type, data).forEach(v -> problems.add("schema: " + v));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException(String.join("; ", problems));
        }
        return new CloudEvent(id, source, type, specVersion, time, headers.get(CloudEventHeaders.SUBJECT), key, data);
    }

    /** Maps data to a consumer's own type as a tolerant reader: unknown fields ignored, unknown enum values null. */
    private static final ObjectMapper TOLERANT = MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .registerModule(new JavaTimeModule());

    /**
     * The data as a consumer's own record or class, read tolerantly: fields it does not know are ignored and an
     * enum value it does not know becomes null (handle it as "other"). Data that cannot be mapped at all is
     * poison ({@link InvalidEventException}): retrying cannot help.
     */
    public <T> T dataAs(Class<T> type) {
        try {
            return TOLERANT.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("data of " + this.type + " cannot be read as " + type.getSimpleName()
                    + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("data of " + this.type + " cannot be read as " + type.getSimpleName()
                    + ": " + e.getMessage());
        }
    }

    /** False for a type added to the catalogue after this build: consumers skip it instead of failing. */
    public boolean isKnownType() {
        return EventSchemas.isKnown(type);
    }

    private static String required(Map<String, String> headers, String name, List<String> problems) {
        String v = headers.get(name);
        if (v == null || v.isBlank()) {
            problems.add("missing header " + name);
            return null;
        }
        return v;
    }

    /** The record is not an event this platform can accept; retrying will not help. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}
