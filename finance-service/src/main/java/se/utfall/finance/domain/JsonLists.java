package se.utfall.finance.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import se.utfall.web.json.JsonText;

import java.util.List;
import java.util.UUID;

/** Lists kept as JSON text in a column (sectors, SDG targets, goal ids), read the same way everywhere. */
final class JsonLists {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() { };
    private static final TypeReference<List<Instrument>> INSTRUMENTS = new TypeReference<>() { };

    private JsonLists() {
    }

    static List<String> strings(String json) {
        return json == null ? List.of() : JsonText.read(json, STRINGS);
    }

    static List<UUID> ids(String json) {
        return json == null ? List.of() : JsonText.read(json, IDS);
    }

    static List<Instrument> instruments(String json) {
        return json == null ? List.of() : JsonText.read(json, INSTRUMENTS);
    }
}
