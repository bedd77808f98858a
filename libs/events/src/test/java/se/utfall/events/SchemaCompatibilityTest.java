package se.utfall.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String RELEASED = """
            {"type": "object", "required": ["id"],
             "properties": {
               "id": {"type": "string"},
               "title": {"type": ["string", "null"]},
               "status": {"type": "string", "enum": ["DRAFT", "PUBLISHED"]},
               "budget": {"$ref": "#/$defs/money"},
               "goals": {"type": "array", "items": {"type": "object", "properties": {"unit": {"type": "string"}}}}
             },
             "$defs": {"money": {"type": "object", "properties": {"amount": {"type": "number"}}}}}
            """;

    private static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode released() {
        return json(RELEASED);
    }

    private static JsonNode changed(String from, String to) {
        assertThat(RELEASED).contains(from);
        return json(RELEASED.replace(from, to));
    }

    @Test
    void anAddedOptionalFieldIsCompatible() {
        JsonNode next = changed("\"id\": {\"type\": \"string\"},",
                "\"id\": {\"type\": \"string\"}, \"locality\": {\"type\": \"string\"},");
        assertThat(SchemaCompatibility.violations(released(), next)).isEmpty();
        assertThat(SchemaCompatibility.violations(released(), released())).isEmpty();
    }

    @Test
    void aRemovedFieldIsNot() {
        JsonNode next = changed("\"title\": {\"type\": [\"string\", \"null\"]},", "");
        assertThat(SchemaCompatibility.violations(released(), next)).containsExactly("$.title: removed");
    }

    @Test
    void aRenamedFieldIsNot() {
        JsonNode next = changed("\"title\":", "\"name\":");
        assertThat(SchemaCompatibility.violations(released(), next)).containsExactly("$.title: removed");
    }

    @Test
    void aChangedTypeIsNot() {
        JsonNode next = changed("\"amount\": {\"type\": \"number\"}", "\"amount\": {\"type\": \"string\"}");
        assertThat(SchemaCompatibility.violations(released(), next)).singleElement().asString()
                .startsWith("$.budget.amount: type changed");
    }

    @Test
    void aNewRequiredFieldIsNot() {
        JsonNode next = changed("\"required\": [\"id\"]", "\"required\": [\"id\", \"title\"]");
        assertThat(SchemaCompatibility.violations(released(), next)).containsExactly("$.title: newly required");
    }

    @Test
    void aRemovedEnumValueOrItemFieldIsNot() {
        assertThat(SchemaCompatibility.violations(released(), changed(", \"PUBLISHED\"]", "]")))
                .containsExactly("$.status: enum value \"PUBLISHED\" removed");
        assertThat(SchemaCompatibility.violations(released(), changed("\"unit\": {\"type\": \"string\"}", "")))
                .containsExactly("$.goals[].unit: removed");
    }
}
