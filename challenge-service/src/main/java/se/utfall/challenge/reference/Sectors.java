package se.utfall.challenge.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The sectors a challenge can name, with Swedish and English labels, from {@code reference/sectors.csv}. */
public final class Sectors {
    private static final List<Sector> ALL = load();

    /** A sector: a stable code and its labels. */
    public record Sector(String code, String sv, String en) {
    }

    private Sectors() {
    }

    public static List<Sector> all() {
        return ALL;
    }

    private static List<Sector> load() {
        List<Sector> list = new ArrayList<>();
        try (InputStream in = Sectors.class.getClassLoader().getResourceAsStream("reference/sectors.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(";", 3);
                    list.add(new Sector(parts[0].trim(), parts[1].trim(), parts[2].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(list);
    }
}
