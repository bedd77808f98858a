package se.utfall.challenge.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Sweden's 290 municipalities by kommunkod (SCB), from {@code reference/kommunkoder.csv}. */
public final class Municipalities {
    private static final Map<String, String> BY_CODE = load();

    private Municipalities() {
    }

    public static boolean isValid(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Optional<String> name(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    public static int count() {
        return BY_CODE.size();
    }

    private static Map<String, String> load() {
        Map<String, String> map = new TreeMap<>();
        try (InputStream in = Municipalities.class.getClassLoader().getResourceAsStream("reference/kommunkoder.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(";", 2);
                map.put(parts[0].trim(), parts[1].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
