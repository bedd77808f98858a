package se.utfall.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/asyncapi.yaml} is what partners feed to their parsers and code generators: it must parse as YAML (an
 * unquoted {@code ": "} in a summary once stopped the official AsyncAPI parser) and tell the same story as the
 * catalogue, both ways: every catalogue type is a message on the channel of its topic with its schema, and the
 * document names no type, topic or schema the catalogue does not.
 */
class AsyncApiDocumentTest {
    private static final Path DOCUMENT = Path.of("../../docs/asyncapi.yaml");
    private static final String SCHEMA_PREFIX = "../libs/events/src/main/resources/utfall/events/schemas/";
    private static JsonNode root;

    @BeforeAll
    static void parse() throws Exception {
        root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(DOCUMENT));
    }

    @Test
    void isAnAsyncApi3DocumentWithEveryLocalReferenceResolved() {
        assertThat(root.path("asyncapi").asText()).startsWith("3.");
        List<String> unresolved = new ArrayList<>();
        collectRefs(root, unresolved);
        assertThat(unresolved).as("references that point nowhere").isEmpty();
    }

    @Test
    void everyCatalogueTypeIsAMessageOnItsTopicWithItsSchema() {
        Map<String, Message> documented = messagesByType();
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        EventSchemas.catalogue().values().forEach(e -> {
            expected.put(e.type(), e.topic() + " " + e.schema());
            Message m = documented.get(e.type());
            if (m != null) {
                actual.put(e.type(), m.topic() + " " + m.schema());
            }
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theDocumentNamesNoTypeOrTopicTheCatalogueDoesNot() {
        assertThat(messagesByType().keySet()).isSubsetOf(EventSchemas.catalogue().keySet());
        List<String> topics = new ArrayList<>();
        root.path("channels").forEach(c -> topics.add(c.path("address").asText()));
        assertThat(topics).doesNotHaveDuplicates()
                .isSubsetOf(EventSchemas.catalogue().values().stream().map(EventSchemas.Entry::topic).toList());
    }

    /** Type → the channel whose messages list it, and the schema file its payload points at. */
    private static Map<String, Message> messagesByType() {
        Map<String, Message> byType = new TreeMap<>();
        root.path("channels").forEach(channel -> channel.path("messages").forEach(ref -> {
            JsonNode message = resolve(ref.path("$ref").asText());
            String payload = message.path("payload").path("$ref").asText();
            assertThat(payload).as("payload of %s", message.path("name").asText()).startsWith(SCHEMA_PREFIX);
            Message previous = byType.put(message.path("name").asText(),
                    new Message(channel.path("address").asText(), payload.substring(SCHEMA_PREFIX.length())));
            assertThat(previous).as("%s listed on two channels", message.path("name").asText()).isNull();
        }));
        return byType;
    }

    private static void collectRefs(JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                boolean ok = target.startsWith("#/")
                        ? !resolve(target).isMissingNode()
                        : Files.isRegularFile(DOCUMENT.getParent().resolve(target));
                if (!ok) {
                    unresolved.add(target);
                }
            }
            node.forEach(child -> collectRefs(child, unresolved));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, unresolved));
        }
    }

    private static JsonNode resolve(String pointer) {
        return root.at(pointer.substring(1));
    }

    private record Message(String topic, String schema) {
    }
}
