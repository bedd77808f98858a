package se.utfall.rfi.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client may send back what it read, changed: every field of a view is either a field of the request or one it
 * ignores by name (read-only), never an unknown field that fails the request with 400.
 */
class RoundTripTest {

    private static Set<String> unknownOnTheWayBack(Class<?> view, Class<?> request) {
        Set<String> fields = new HashSet<>();
        Arrays.stream(view.getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
        Arrays.stream(request.getRecordComponents()).map(RecordComponent::getName).forEach(fields::remove);
        fields.removeAll(Set.of(request.getAnnotation(JsonIgnoreProperties.class).value()));
        return fields;
    }

    @Test
    void whatIsReadCanBeSentBack() {
        assertThat(unknownOnTheWayBack(RfiView.class, RfiRequest.class)).isEmpty();
        assertThat(unknownOnTheWayBack(ResponseView.class, ResponseRequest.class)).isEmpty();
    }
}
