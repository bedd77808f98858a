package se.utfall.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Backward compatibility of an event schema within a major version: a consumer written against the old schema
 * must still understand every event valid under the new one. Allowed: new optional properties. Refused: a property
 * removed or renamed, a type changed, a property newly required, an enum value removed, an items schema changed
 * incompatibly.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Human-readable incompatibilities of {@code next} against {@code released}; empty when compatible. */
    public static List<String> violations(JsonNode released, JsonNode next) {
        List<String> out = new ArrayList<>();
        new Walk(released, next, out).compare("$", released, next, 0);
        return out;
    }

    private record Walk(JsonNode oldRoot, JsonNode newRoot, List<String> out) {

        private void compare(String path, JsonNode oldNode, JsonNode newNode, int depth) {
            if (newNode == null || newNode.isMissingNode()) {
                out.add(path + ": removed");
                return;
            }
            if (depth > 32) {
                return;
            }
            JsonNode old = deref(oldRoot, oldNode);
            JsonNode now = deref(newRoot, newNode);
            Set<String> oldTypes = types(old);
            Set<String> newTypes = types(now);
            if (!oldTypes.isEmpty() && !oldTypes.equals(newTypes)) {
                out.add(path + ": type changed from " + oldTypes + " to " + newTypes);
            }
            String oldFormat = old.path("format").asText(null);
            if (oldFormat != null && !oldFormat.equals(now.path("format").asText(null))) {
                out.add(path + ": format changed from " + oldFormat + " to " + now.path("format").asText("(none)"));
            }
            JsonNode oldEnum = old.get("enum");
            if (oldEnum != null) {
                Set<String> newValues = new HashSet<>();
                now.path("enum").forEach(v -> newValues.add(v.toString()));
                oldEnum.forEach(v -> {
                    if (!newValues.contains(v.toString())) {
                        out.add(path + ": enum value " + v + " removed");
                    }
                });
            }
            Set<String> oldRequired = strings(old.get("required"));
            for (String required : strings(now.get("required"))) {
                if (!oldRequired.contains(required)) {
                    out.add(path + "." + required + ": newly required");
                }
            }
            JsonNode oldProps = old.get("properties");
            if (oldProps != null) {
                JsonNode newProps = now.path("properties");
                Iterator<String> names = oldProps.fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    compare(path + "." + name, oldProps.get(name), newProps.get(name), depth + 1);
                }
            }
            JsonNode oldItems = old.get("items");
            if (oldItems != null) {
                compare(path + "[]", oldItems, now.get("items"), depth + 1);
            }
            if (old.path("additionalProperties").isBoolean() && old.path("additionalProperties").asBoolean()
                    && now.path("additionalProperties").isBoolean() && !now.path("additionalProperties").asBoolean()) {
                out.add(path + ": additional properties no longer allowed");
            }
        }
    }

    /** Resolves a local {@code #/$defs/name} reference; other nodes are returned as they are. */
    private static JsonNode deref(JsonNode root, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? node : target;
    }

    private static Set<String> types(JsonNode schema) {
        return strings(schema.get("type"));
    }

    private static Set<String> strings(JsonNode node) {
        Set<String> values = new HashSet<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
