package se.utfall.challenge.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body read with GET can be sent back with PUT: every field of a view is either writable in the request or
 * declared read-only there. A field added to a view and forgotten here would make every PUT of a read body a 400.
 */
class ReadOnlyFieldsTest {

    @Test
    void everyFieldOfAChallengeViewIsWritableOrIgnoredOnUpdate() {
        assertThat(names(ChallengeView.class)).isSubsetOf(acceptedBy(ChallengeRequest.class));
        assertThat(names(ChallengeView.Baseline.class)).isSubsetOf(acceptedBy(CostBaseline.class));
        assertThat(names(ChallengeView.Goal.class)).isSubsetOf(acceptedBy(OutcomeGoalInput.class));
        assertThat(names(ChallengeView.Insight.class)).isSubsetOf(acceptedBy(NeedInsightInput.class));
        assertThat(names(ChallengeView.PhaseView.class)).isSubsetOf(acceptedBy(PhaseInput.class));
    }

    private static Set<String> acceptedBy(Class<? extends Record> request) {
        Set<String> accepted = names(request);
        JsonIgnoreProperties ignored = request.getAnnotation(JsonIgnoreProperties.class);
        if (ignored != null) {
            accepted.addAll(Arrays.asList(ignored.value()));
        }
        return accepted;
    }

    private static Set<String> names(Class<? extends Record> type) {
        Set<String> names = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }
}
