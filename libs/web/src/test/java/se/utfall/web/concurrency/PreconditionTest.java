package se.utfall.web.concurrency;

import org.junit.jupiter.api.Test;
import se.utfall.web.http.ETags;
import se.utfall.web.problem.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** If-Match as a use case checks it: after its 404 and 403, inside its transaction. */
class PreconditionTest {

    private static RuleViolation.Kind refusal(String header, long current) {
        try {
            ETags.ifMatch(header).require(current);
            return null;
        } catch (RuleViolation v) {
            return v.kind();
        }
    }

    @Test
    void theCurrentStrongTagPassesAStaleOneIsStaleAndNoneIsUnconditional() {
        assertThatCode(() -> ETags.ifMatch("\"3\"").require(3)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.ifMatch("\"2\", \"4\"").require(4)).doesNotThrowAnyException();
        assertThat(refusal("\"2\"", 3)).isEqualTo(RuleViolation.Kind.STALE);
        assertThat(refusal(null, 3)).isEqualTo(RuleViolation.Kind.UNCONDITIONAL);
        assertThat(refusal("  ", 3)).isEqualTo(RuleViolation.Kind.UNCONDITIONAL);
    }

    /** RFC 9110 §13.1.1: If-Match compares strongly; * would let a stale client overwrite anything. */
    @Test
    void weakTagsAndTheWildcardNeverPass() {
        assertThat(refusal("W/\"3\"", 3)).isEqualTo(RuleViolation.Kind.UNCONDITIONAL);
        assertThat(refusal("*", 3)).isEqualTo(RuleViolation.Kind.UNCONDITIONAL);
        assertThat(refusal("W/\"3\", \"2\"", 3)).as("only the strong tag counts, and it is stale")
                .isEqualTo(RuleViolation.Kind.STALE);
        assertThatThrownBy(() -> ETags.ifMatch("*").require(3)).hasMessageContaining("strong ETag");
    }

    /** A first write (a profile, scores, feedback) may come without If-Match, or with *; a named version not. */
    @Test
    void aFirstWriteTellsAnAbsentHeaderAndTheWildcardFromANamedVersion() {
        assertThat(ETags.ifMatch(null).isAbsent()).isTrue();
        assertThat(ETags.ifMatch(null).namesAVersion()).isFalse();
        assertThat(ETags.ifMatch("*").namesAVersion()).isFalse();
        assertThat(ETags.ifMatch("\"1\"").namesAVersion()).isTrue();
        assertThat(ETags.ifMatch("W/\"1\"").namesAVersion()).isTrue();
    }

    @Test
    void aRepresentationTaggedByAHashIsCheckedTheSameWay() {
        assertThatCode(() -> ETags.ifMatch("\"ab12\"").require("ab12")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ETags.ifMatch("\"ab13\"").require("ab12"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(
                        RuleViolation.Kind.STALE));
    }
}
