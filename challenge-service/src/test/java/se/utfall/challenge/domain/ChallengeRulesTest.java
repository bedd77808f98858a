package se.utfall.challenge.domain;

import org.junit.jupiter.api.Test;
import se.utfall.challenge.reference.Municipalities;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Reader;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle and completeness rules, without a database. */
class ChallengeRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Challenge draft() {
        Challenge c = new Challenge();
        c.id = UUID.randomUUID();
        c.ownerOrgId = UUID.randomUUID();
        c.status = ChallengeStatus.DRAFT;
        c.problemStatement = "Maten kommer en gång i veckan.";
        return c;
    }

    private static OutcomeGoal goal(boolean withBaseline, boolean withTarget) {
        OutcomeGoal g = new OutcomeGoal();
        g.indicator = "Andel som äter lagad mat dagligen";
        g.unit = "percent";
        if (withBaseline) {
            g.baselineValue = BigDecimal.valueOf(35);
            g.baselineDate = LocalDate.of(2026, 3, 1);
        }
        if (withTarget) {
            g.targetValue = BigDecimal.valueOf(90);
            g.targetDate = LocalDate.of(2027, 12, 31);
        }
        return g;
    }

    @Test
    void onlyACompleteDraftCanBePublished() {
        Challenge c = draft();
        c.problemStatement = " ";
        assertThatThrownBy(() -> c.publish(List.of(goal(true, false)), NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INCOMPLETE);
                    assertThat(e.problems()).extracting(RuleViolation.FieldProblem::field)
                            .containsExactly("problemStatement", "outcomeGoals[0].targetValue");
                });
        assertThat(c.status).isEqualTo(ChallengeStatus.DRAFT);
        assertThat(draft().completenessProblems(List.of())).extracting(RuleViolation.FieldProblem::field)
                .containsExactly("outcomeGoals");

        Challenge complete = draft();
        complete.publish(List.of(goal(true, true)), NOW);
        assertThat(complete.status).isEqualTo(ChallengeStatus.PUBLISHED);
        assertThat(complete.publishedAt).isEqualTo(NOW);
    }

    @Test
    void theLifecycleOnlyMovesForward() {
        Challenge c = draft();
        assertThatThrownBy(() -> c.close(NOW)).isInstanceOf(RuleViolation.class);
        c.publish(List.of(goal(true, true)), NOW);
        assertThatThrownBy(() -> c.publish(List.of(goal(true, true)), NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> c.archive(NOW)).isInstanceOf(RuleViolation.class);
        c.close(NOW);
        assertThatThrownBy(c::requireEditable).isInstanceOf(RuleViolation.class);
        c.archive(NOW);
        assertThat(c.status).isEqualTo(ChallengeStatus.ARCHIVED);
    }

    @Test
    void draftsAreVisibleToTheirOrganisationsOnlyAndPublicMeansEverPublished() {
        Challenge c = draft();
        UUID coBuyer = UUID.randomUUID();
        c.coBuyerOrgIds = List.of(coBuyer.toString());
        Reader stranger = new Reader(UUID.randomUUID(), false);
        assertThat(c.isPublic()).isFalse();
        assertThat(new Reader(c.ownerOrgId, false).isInsider(c, Challenge::readers)).isTrue();
        assertThat(new Reader(coBuyer, false).isInsider(c, Challenge::readers)).isTrue();
        assertThat(stranger.isInsider(c, Challenge::readers)).isFalse();
        assertThatThrownBy(() -> stranger.visibleOrNotFound(c, Challenge::isPublic, Challenge::readers, "Challenge"))
                .hasMessageContaining("does not exist");
        c.publish(List.of(goal(true, true)), NOW);
        assertThat(Reader.ANONYMOUS.visibleOrNotFound(c, Challenge::isPublic,
                Challenge::readers, "Challenge")).isSameAs(c);
    }

    @Test
    void aShelvedDraftIsArchivedButNeverPublic() {
        Challenge c = draft();
        c.archive(NOW);
        assertThat(c.status).isEqualTo(ChallengeStatus.ARCHIVED);
        assertThat(c.isPublic()).isFalse();
        assertThat(c.publishedAt).isNull();
    }

    @Test
    void aWorkshopSeatIsTakenOnlyBeforeStartAndWithinCapacity() {
        Workshop w = new Workshop();
        w.capacity = 1;
        w.startsAt = NOW.plusSeconds(3600);
        w.takeSeat(NOW);
        assertThat(w.registeredCount).isEqualTo(1);
        assertThatThrownBy(() -> w.takeSeat(NOW)).hasMessageContaining("full");
        w.capacity = 5;
        assertThatThrownBy(() -> w.takeSeat(NOW.plusSeconds(7200))).hasMessageContaining("started");
    }

    @Test
    void everySwedishMunicipalityIsKnown() {
        assertThat(Municipalities.count()).isEqualTo(290);
        assertThat(Municipalities.name("2161")).contains("Ljusdal");
        assertThat(Municipalities.name("1270")).contains("Tomelilla");
        assertThat(Municipalities.isValid("0685")).isTrue();
        assertThat(Municipalities.isValid("2199")).isFalse();
        assertThat(Municipalities.isValid("216")).isFalse();
    }
}
