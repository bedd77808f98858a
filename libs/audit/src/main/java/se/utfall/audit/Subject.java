package se.utfall.audit;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a history is of: a kind ({@code challenge}, {@code rfi}, {@code response}) and its id. The kind is part of
 * every query, so two services' (or one service's two) histories never mix even if ids collided.
 */
public record Subject(String type, UUID id) {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*");

    public Subject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("a subject type is lower case letters, digits and '-': " + type);
        }
    }

    public static Subject of(String type, UUID id) {
        return new Subject(type, id);
    }
}
