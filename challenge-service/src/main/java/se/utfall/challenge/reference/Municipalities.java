package se.utfall.challenge.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sweden's 290 municipalities by kommunkod (SCB), from {@code reference/kommunkoder.csv}, and their counties (län:
 * the kommunkod's first two digits).
 */
public final class Municipalities {
    private static final Map<String, String> BY_CODE = load();
    private static final Map<String, String> COUNTIES = Map.ofEntries(Map.entry("01", "Stockholms län"),
            Map.entry("03", "Uppsala län"), Map.entry("04", "Södermanlands län"), Map.entry("05", "Östergötlands län"),
            Map.entry("06", "Jönköpings län"), Map.entry("07", "Kronobergs län"), Map.entry("08", "Kalmar län"),
            Map.entry("09", "Gotlands län"), Map.entry("10", "Blekinge län"), Map.entry("12", "Skåne län"),
            Map.entry("13", "Hallands län"), Map.entry("14", "Västra Götalands län"), Map.entry("17", "Värmlands län"),
            Map.entry("18", "Örebro län"), Map.entry("19", "Västmanlands län"), Map.entry("20", "Dalarnas län"),
            Map.entry("21", "Gävleborgs län"), Map.entry("22", "Västernorrlands län"), Map.entry("23", "Jämtlands län"),
            Map.entry("24", "Västerbottens län"), Map.entry("25", "Norrbottens län"));

    /** A municipality with its county. */
    public record Municipality(String code, String name, String countyCode, String countyName) {
    }

    private Municipalities() {
    }

    public static boolean isValid(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Optional<String> name(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    /** Every municipality, by code. */
    public static List<Municipality> all() {
        return new TreeMap<>(BY_CODE).entrySet().stream().map(e -> new Municipality(e.getKey(), e.getValue(),
                e.getKey().substring(0, 2), COUNTIES.get(e.getKey().substring(0, 2)))).toList();
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
