package se.utfall.web.http;

import org.junit.jupiter.api.Test;
import se.utfall.web.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {
    @Test
    void aMatchingTagPassesAStaleOneIs412AMissingOne428() {
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("W/\"3\", \"4\"", 4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.requireMatch("\"2\"", 3)).isInstanceOfSatisfying(ProblemException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> ETags.requireMatch(null, 3)).isInstanceOfSatisfying(ProblemException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(428));
        assertThatCode(() -> ETags.checkMatch(null, 3)).doesNotThrowAnyException();
    }
}
