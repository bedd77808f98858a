package se.utfall.web.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import se.utfall.web.problem.RuleViolation;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7396): a field present in the patch replaces the current one, {@code null} removes it, a
 * field left out stays; arrays are replaced whole. Used for partial edits: the current state is written as JSON,
 * patched, and read back as the same request type a full update takes, so both meet the same validation.
 */
public final class MergePatch {
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** The patched document; neither argument is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /**
     * Applies {@code patch} to {@code current} and reads the result as {@code type}. A patch that is not an object,
     * a field of the wrong type or one that cannot be set is refused as a request body would be (400 naming the
     * field), and so is every Bean Validation violation of the result, all at once.
     */
    public static <T> T applyTo(Object current, JsonNode patch, Class<T> type, ObjectMapper mapper,
            Validator validator) {
        if (patch == null || !patch.isObject()) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "A merge patch must be a JSON object",
                    List.of(new RuleViolation.FieldProblem("(body)", "must be a JSON object")));
        }
        T result;
        try {
            result = mapper.treeToValue(apply(mapper.valueToTree(current), patch), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }
}
