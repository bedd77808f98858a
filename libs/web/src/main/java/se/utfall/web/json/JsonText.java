package se.utfall.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Lists of records stored as JSON text, read and replaced whole through the entity's methods: the same content
 * always serialises to the same text, so a change that changes nothing writes nothing.
 */
public final class JsonText {
    /** Dates and times as ISO-8601 text ({@code 2027-06-30}, {@code 2027-06-30T10:00:00Z}), never as numbers. */
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonText() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw fault("cannot be stored as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw fault("stored JSON no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Our fault, never the client's: the Jackson exception is attached as suppressed, not as the cause, so the
     * problem mappers (which look for a JSON error among the causes, to answer 400 malformed-json for a request
     * body) answer 500 and log it.
     */
    private static IllegalStateException fault(String message, JsonProcessingException e) {
        IllegalStateException fault = new IllegalStateException(message);
        fault.addSuppressed(e);
        return fault;
    }
}
