package se.utfall.web.limits;

import org.junit.jupiter.api.Test;
import se.utfall.web.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CreationLimitTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final CreationLimit limit = new CreationLimit(20, Duration.ofHours(1));

    @Test
    void belowTheLimitNothingIsRefused() {
        assertThatCode(() -> limit.check(19, NOW.minusSeconds(600), NOW, "questions")).doesNotThrowAnyException();
        assertThat(limit.since(NOW)).isEqualTo(NOW.minusSeconds(3600));
    }

    @Test
    void atTheLimitTheCallerIsToldWhenTheOldestLeavesTheWindow() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> limit.check(20, NOW.minusSeconds(3000), NOW, "questions"));
        assertThat(refused.kind()).isEqualTo(RuleViolation.Kind.TOO_MANY);
        assertThat(refused.retryAfterSeconds()).isEqualTo(601);
        assertThat(refused.getMessage()).contains("20 questions per hour");
    }

    @Test
    void zeroSwitchesTheLimitOff() {
        assertThatCode(() -> new CreationLimit(0, Duration.ofHours(1)).check(1_000_000, NOW, NOW, "x"))
                .doesNotThrowAnyException();
    }
}
