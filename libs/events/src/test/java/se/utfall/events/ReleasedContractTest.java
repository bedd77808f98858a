package se.utfall.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The current event catalogue must keep every promise of the released one (see released/README.md). */
class ReleasedContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode released(String path) throws Exception {
        try (InputStream in = ReleasedContractTest.class.getResourceAsStream("/released/" + path)) {
            assertThat(in).as("released/" + path).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void everyReleasedTypeStillExistsOnItsTopicWithACompatibleSchema() throws Exception {
        JsonNode catalogue = released("catalogue.json");
        List<String> violations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> types = catalogue.path("types").fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            EventSchemas.Entry now = EventSchemas.entry(type.getKey()).orElse(null);
            if (now == null) {
                violations.add(type.getKey() + ": removed from the catalogue");
                continue;
            }
            if (!now.topic().equals(type.getValue().path("topic").asText())) {
                violations.add(type.getKey() + ": moved to topic " + now.topic());
            }
            JsonNode before = released("schemas/" + type.getValue().path("schema").asText());
            JsonNode after = EventSchemas.rawSchema(now.schema()).orElseThrow();
            SchemaCompatibility.violations(before, after).forEach(v -> violations.add(type.getKey() + " " + v));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyCatalogueEntryIsWellNamedAndItsSchemaCompiles() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        assertThat(EventSchemas.catalogue()).isNotEmpty();
        EventSchemas.catalogue().values().forEach(e -> {
            assertThat(EventTypes.isWellFormed(e.type())).as(e.type()).isTrue();
            if (e.audience() == EventSchemas.Audience.PUBLIC) {
                assertThat(e.topic()).as(e.type()).matches("utfall\\.[a-z]+\\.v[0-9]+");
            } else {
                assertThat(e.topic()).as(e.type()).matches("utfall\\.internal\\.[a-z]+\\.v[0-9]+");
            }
            JsonNode schema = EventSchemas.rawSchema(e.schema()).orElseThrow();
            assertThat(factory.getSchema(schema)).isNotNull();
        });
    }

    @Test
    void validationNamesWhatIsWrong() throws Exception {
        JsonNode body = MAPPER.readTree("{\"id\": \"x\", \"capacity\": \"many\"}");
        assertThat(EventSchemas.validate(EventTypes.WORKSHOP_SCHEDULED, body))
                .anyMatch(m -> m.contains("challengeId")).anyMatch(m -> m.contains("capacity"));
        assertThat(EventSchemas.validate("se.utfall.nothing.happened.v1", body)).containsExactly(
                "unknown event type 'se.utfall.nothing.happened.v1'");
    }

    /** Partners read public topics: no field the catalogue marks personal or confidential may be in their schemas. */
    @Test
    void noPublicSchemaCarriesAPersonalOrConfidentialField() {
        assertThat(EventSchemas.restrictedFields()).containsKeys("organisationName", "author", "onlineUrl");
        List<String> leaks = new ArrayList<>();
        EventSchemas.catalogue().values().stream().filter(e -> e.audience() == EventSchemas.Audience.PUBLIC)
                .forEach(e -> collectNames(EventSchemas.rawSchema(e.schema()).orElseThrow(), "$")
                        .stream()
                        .filter(n -> EventSchemas.restrictedFields().containsKey(n.substring(n.lastIndexOf('.') + 1)))
                        .forEach(n -> leaks.add(e.type() + " " + n)));
        assertThat(leaks).isEmpty();
    }

    @Test
    void theRestrictedFieldCheckWouldNoticeALeak() throws Exception {
        JsonNode leaky = MAPPER.readTree("""
                {"type": "object", "properties": {"registration": {"type": "object",
                 "properties": {"organisationName": {"type": "string"}}}}}""");
        assertThat(collectNames(leaky, "$")).contains("$.registration.organisationName");
    }

    private static List<String> collectNames(JsonNode schema, String path) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            names.add(path + "." + p.getKey());
            names.addAll(collectNames(p.getValue(), path + "." + p.getKey()));
            names.addAll(collectNames(p.getValue().path("items"), path + "." + p.getKey()));
        });
        schema.path("$defs").fields()
                .forEachRemaining(d -> names.addAll(collectNames(d.getValue(), path + "." + d.getKey())));
        return names;
    }
}
