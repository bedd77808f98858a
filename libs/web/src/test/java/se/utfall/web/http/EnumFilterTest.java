package se.utfall.web.http;

import org.junit.jupiter.api.Test;
import se.utfall.web.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnumFilterTest {
    enum Status { DRAFT, OPEN, CLOSED }

    private static final EnumSet<Status> PUBLIC = EnumSet.of(Status.OPEN, Status.CLOSED);

    @Test
    void repeatedOrCommaSeparatedInAnyCaseInOrderWithoutRepeats() {
        assertThat(EnumFilter.parse("status", List.of("closed, Open", "CLOSED"), Status.class, PUBLIC))
                .containsExactly(Status.CLOSED, Status.OPEN);
        assertThat(EnumFilter.parse("status", null, Status.class, PUBLIC)).isEmpty();
    }

    @Test
    void unknownOrNotAllowedIs400NamingWhatIs() {
        assertThatThrownBy(() -> EnumFilter.parse("status", List.of("DRAFT"), Status.class, PUBLIC))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
                .satisfies(e -> assertThat(((ProblemException) e).toProblem().errors().get(0).message())
                        .isEqualTo("must be OPEN or CLOSED"));
        assertThatThrownBy(() -> EnumFilter.parse("status", List.of("OPEN,bogus"), Status.class, PUBLIC))
                .isInstanceOf(ProblemException.class);
    }
}
