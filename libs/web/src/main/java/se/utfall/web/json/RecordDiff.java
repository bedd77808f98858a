package se.utfall.web.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Field-by-field differences of two views of the same record type, for audit trails and amendment histories:
 * compared as Java values, and only the changed fields are written as JSON.
 */
public final class RecordDiff {
    private final ObjectMapper mapper;
    private final Set<String> ignored;

    /** {@code ignored}: bookkeeping fields that change with every write and say nothing about the content. */
    public RecordDiff(ObjectMapper mapper, Set<String> ignored) {
        this.mapper = mapper;
        this.ignored = Set.copyOf(ignored);
    }

    /**
     * field → {from, to} for every top-level field that differs ({@code before} null: every field with content).
     */
    public ObjectNode diff(Record before, Record after) {
        ObjectNode changes = mapper.createObjectNode();
        for (RecordComponent field : after.getClass().getRecordComponents()) {
            if (ignored.contains(field.getName())) {
                continue;
            }
            Object to = value(field, after);
            Object from = before == null ? null : value(field, before);
            boolean same = before == null ? to == null || to instanceof Collection<?> c && c.isEmpty()
                    : Objects.equals(from, to);
            if (!same) {
                ObjectNode change = changes.putObject(field.getName());
                change.set("from", before == null ? null : tree(from));
                change.set("to", tree(to));
            }
        }
        return changes;
    }

    /** The names of the fields that differ, in declaration order (no JSON involved). */
    public List<String> changedFields(Record before, Record after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent field : after.getClass().getRecordComponents()) {
            if (!ignored.contains(field.getName()) && !Objects.equals(value(field, before), value(field, after))) {
                changed.add(field.getName());
            }
        }
        return changed;
    }

    /** Whether any field differs, bookkeeping aside. */
    public boolean differs(Record before, Record after) {
        return !changedFields(before, after).isEmpty();
    }

    private static Object value(RecordComponent field, Record record) {
        try {
            return field.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + field.getName(), e);
        }
    }

    /**
     * Through text, read back exactly: valueToTree would strip decimals (560000.00 would read 5.6E+5 in the
     * history) and a plain readTree would make them doubles (560000.0). As written, as the API shows it.
     */
    private JsonNode tree(Object value) {
        try {
            return ExactJson.reader(mapper).readTree(mapper.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
