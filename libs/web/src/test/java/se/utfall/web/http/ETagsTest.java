package se.utfall.web.http;

import org.junit.jupiter.api.Test;
import se.utfall.web.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ETagsTest {
    private static int status(String ifMatch, long version) {
        try {
            ETags.requireMatch(ifMatch, version);
            return 0;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    @Test
    void aMatchingStrongTagPassesAStaleOneIs412AMissingOne428() {
        assertThatCode(() -> ETags.requireMatch("\"3\"", 3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"2\", \"4\"", 4)).doesNotThrowAnyException();
        assertThat(status("\"2\"", 3)).isEqualTo(412);
        assertThat(status(null, 3)).isEqualTo(428);
        assertThat(status("  ", 3)).isEqualTo(428);
    }

    /** RFC 9110 §13.1.1: If-Match uses the strong comparison; * would let a stale client overwrite anything. */
    @Test
    void weakTagsAndTheWildcardDoNotProtectAgainstLostUpdates() {
        assertThat(status("W/\"3\"", 3)).as("a weak tag never matches").isEqualTo(428);
        assertThat(status("*", 3)).isEqualTo(428);
        assertThat(status("W/\"3\", \"2\"", 3)).as("only the strong tag counts, and it is stale").isEqualTo(412);
        assertThatThrownBy(() -> ETags.requireMatch("*", 3)).hasMessageContaining("strong ETag");
    }
}
