package se.utfall.web.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a text inside the string values of a JSON document, and nowhere else: keys, numbers (exactly as
 * written), booleans, dates and ids stay, and so does the order of the fields. What remains is the same document
 * with only the erased strings changed — an event stays valid under its schema, a history entry still reads.
 */
public final class JsonRedaction {
    private JsonRedaction() {
    }

    /** {@code text} as it appears inside a JSON string (quotes, backslashes and control characters escaped). */
    public static String escaped(String text) {
        String quoted = TextNode.valueOf(text).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    /** Whether {@code json} may hold {@code text} in a string (a cheap test before parsing). */
    public static boolean mayContain(String json, String text) {
        return json != null && json.contains(escaped(text));
    }

    /** {@code json} with every occurrence of {@code text} inside its strings replaced; unchanged text if none. */
    public static String replaceInStrings(String json, String text, String replacement) {
        if (!mayContain(json, text)) {
            return json;
        }
        JsonNode tree = ExactJson.read(json);
        JsonNode redacted = replace(tree, text, replacement);
        String out = ExactJson.write(redacted);
        // Nothing in a string value matched (the text was in a key): keep the stored text byte for byte.
        return out.equals(ExactJson.write(ExactJson.read(json))) ? json : out;
    }

    private static JsonNode replace(JsonNode node, String text, String replacement) {
        if (node.isTextual()) {
            return node.asText().contains(text) ? TextNode.valueOf(node.asText().replace(text, replacement)) : node;
        }
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.forEach(n -> o.set(n, replace(o.get(n), text, replacement)));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, replace(a.get(i), text, replacement));
            }
        }
        return node;
    }
}
