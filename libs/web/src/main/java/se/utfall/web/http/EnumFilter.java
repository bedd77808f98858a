package se.utfall.web.http;

import se.utfall.web.problem.Problem;
import se.utfall.web.problem.ProblemException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A query filter of enum values, e.g. {@code ?status=OPEN,CLOSED} or {@code ?status=open&status=closed}: repeated
 * or comma-separated, any case. A value that is unknown or not allowed here is a 400 naming the allowed ones.
 */
public final class EnumFilter {
    private EnumFilter() {
    }

    /** The values asked for, in order and without repeats; empty when none were given (the caller's default). */
    public static <E extends Enum<E>> List<E> parse(String field, List<String> raw, Class<E> type,
            Collection<E> allowed) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        return raw.stream().flatMap(s -> Arrays.stream(s.split(","))).map(s -> {
            E value = Arrays.stream(type.getEnumConstants())
                    .filter(e -> e.name().equals(s.trim().toUpperCase(Locale.ROOT))).findFirst().orElse(null);
            if (value == null || !allowed.contains(value)) {
                throw ProblemException.badRequest("Unknown " + field + " filter", List.of(new Problem.FieldError(
                        field, "must be " + allowed(type, allowed))));
            }
            return value;
        }).distinct().toList();
    }

    private static <E extends Enum<E>> String allowed(Class<E> type, Collection<E> allowed) {
        List<String> names = Arrays.stream(type.getEnumConstants()).filter(allowed::contains).map(Enum::name)
                .toList();
        return names.size() == 1 ? names.get(0) : names.subList(0, names.size() - 1).stream()
                .collect(Collectors.joining(", ")) + " or " + names.get(names.size() - 1);
    }
}
