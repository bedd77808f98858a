package se.utfall.rfi.domain;

import org.junit.jupiter.api.Test;
import se.utfall.web.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfiRulesTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final Question QUESTION = new Question(UUID.randomUUID(), "Hur?", QuestionType.TEXT, true, 4000,
            List.of());
    private static final Criterion CRITERION = new Criterion(UUID.randomUUID(), "Lokal förankring", null, 100);

    private static Rfi draft(Instant opensAt, Instant closesAt) {
        Rfi r = new Rfi();
        r.id = UUID.randomUUID();
        r.status = RfiStatus.DRAFT;
        r.title = "Hela barnet";
        r.replaceQuestions(List.of(QUESTION));
        r.replaceCriteria(List.of(CRITERION));
        r.opensAt = opensAt;
        r.closesAt = closesAt;
        return r;
    }

    @Test
    void open10To27MayRunsFromMidnightToTheEndOfThe27thSwedishSummerTime() {
        Instant opens = Windows.startOf(LocalDate.of(2022, 5, 10), STOCKHOLM);
        Instant closes = Windows.endOf(LocalDate.of(2022, 5, 27), STOCKHOLM);
        assertThat(opens).isEqualTo(Instant.parse("2022-05-09T22:00:00Z"));
        assertThat(closes).isEqualTo(Instant.parse("2022-05-27T22:00:00Z"));
        assertThat(Windows.lastDayBefore(closes, STOCKHOLM)).isEqualTo(LocalDate.of(2022, 5, 27));
        assertThat(Windows.local(closes, STOCKHOLM)).isEqualTo(OffsetDateTime.parse("2022-05-28T00:00:00+02:00"));

        Rfi r = draft(opens, closes);
        r.publish(Instant.parse("2022-05-01T08:00:00Z"));
        assertThat(r.status).isEqualTo(RfiStatus.SCHEDULED);
        assertThat(r.openIfDue(opens.minusSeconds(1))).isFalse();
        assertThat(r.openIfDue(opens)).isTrue();
        assertThat(r.acceptsResponses(closes.minusSeconds(1))).isTrue();
        assertThat(r.acceptsResponses(closes)).isFalse();
        assertThat(r.closeIfDue(closes.minusNanos(1_000))).isFalse();
        assertThat(r.closeIfDue(closes)).isTrue();
        assertThat(r.closedAt).isEqualTo(closes);
    }

    @Test
    void windowsAcrossTheDaylightSavingChangesKeepLocalMidnight() {
        // 2026: summer time begins Sunday 29 March (02:00 → 03:00) and ends Sunday 25 October (03:00 → 02:00).
        Instant spring = Windows.endOf(LocalDate.of(2026, 3, 29), STOCKHOLM);
        assertThat(Windows.local(spring, STOCKHOLM)).isEqualTo(OffsetDateTime.parse("2026-03-30T00:00:00+02:00"));
        assertThat(Duration.between(Windows.startOf(LocalDate.of(2026, 3, 29), STOCKHOLM), spring))
                .isEqualTo(Duration.ofHours(23));
        Instant autumn = Windows.endOf(LocalDate.of(2026, 10, 25), STOCKHOLM);
        assertThat(Windows.local(autumn, STOCKHOLM)).isEqualTo(OffsetDateTime.parse("2026-10-26T00:00:00+01:00"));
        assertThat(Duration.between(Windows.startOf(LocalDate.of(2026, 10, 25), STOCKHOLM), autumn))
                .isEqualTo(Duration.ofHours(25));
        assertThat(Windows.lastDayBefore(autumn, STOCKHOLM)).isEqualTo(LocalDate.of(2026, 10, 25));
    }

    @Test
    void anInstantAndADayMustAgreeUnlessOneOfThemIsAsRead() {
        RuleViolation.Problems p = new RuleViolation.Problems();
        OffsetDateTime closes = OffsetDateTime.parse("2022-05-28T00:00:00+02:00");
        assertThat(Windows.resolve(closes, LocalDate.of(2022, 5, 27), true, STOCKHOLM, "closesAt", "lastDay", null,
                p)).isEqualTo(closes.toInstant());
        assertThat(p.isEmpty()).isTrue();
        // A new RFI: nothing was read, so a disagreement is the client's to settle.
        Windows.resolve(closes, LocalDate.of(2022, 5, 28), true, STOCKHOLM, "closesAt", "lastDay", null, p);
        assertThat(p.list()).extracting(RuleViolation.FieldProblem::field).containsExactly("lastDay");

        // Read with GET and sent back with the last day moved: the instant is as read, so the day counts.
        RuleViolation.Problems q = new RuleViolation.Problems();
        assertThat(Windows.resolve(closes, LocalDate.of(2022, 5, 29), true, STOCKHOLM, "closesAt", "lastDay",
                closes.toInstant(), q)).isEqualTo(OffsetDateTime.parse("2022-05-30T00:00:00+02:00").toInstant());
        // ... or with the instant moved and the day as read: the instant counts.
        OffsetDateTime later = OffsetDateTime.parse("2022-05-30T12:00:00+02:00");
        assertThat(Windows.resolve(later, LocalDate.of(2022, 5, 27), true, STOCKHOLM, "closesAt", "lastDay",
                closes.toInstant(), q)).isEqualTo(later.toInstant());
        assertThat(q.isEmpty()).isTrue();
        // Both moved, and they disagree: refused.
        Windows.resolve(later, LocalDate.of(2022, 6, 2), true, STOCKHOLM, "closesAt", "lastDay", closes.toInstant(),
                q);
        assertThat(q.list()).extracting(RuleViolation.FieldProblem::field).containsExactly("lastDay");
    }

    @Test
    void publishingNeedsQuestionsCriteriaOf100AndAWindowThatHasNotEnded() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Rfi r = draft(now.minusSeconds(3600), now.minusSeconds(60));
        r.replaceQuestions(List.of());
        r.replaceCriteria(List.of(new Criterion(UUID.randomUUID(), "Kostnad", null, 60)));
        assertThatThrownBy(() -> r.publish(now)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INCOMPLETE);
            assertThat(v.problems()).extracting(RuleViolation.FieldProblem::field)
                    .containsExactlyInAnyOrder("questions", "criteria", "closesAt");
        });
        assertThat(r.status).isEqualTo(RfiStatus.DRAFT);
    }

    @Test
    void aWindowThatHasBegunOpensOnPublication() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Rfi r = draft(now.minusSeconds(3600), now.plusSeconds(3600));
        assertThat(r.publish(now)).isTrue();
        assertThat(r.status).isEqualTo(RfiStatus.OPEN);
        assertThat(r.openedAt).isEqualTo(now);
    }

    @Test
    void anOpenWindowCanBeExtendedButNeverShortenedAndItsQuestionsStay() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Rfi r = draft(now.minusSeconds(3600), now.plusSeconds(3600));
        r.publish(now);
        RfiContent longer = new RfiContent(r.title, "Förlängt", r.questions(), r.criteria(), r.opensAt,
                r.closesAt.plusSeconds(86_400));
        assertThat(r.amend(longer, now)).containsExactly("description", "closesAt");
        assertThat(r.amendments).isEqualTo(1);

        RfiContent shorter = new RfiContent(r.title, r.description, r.questions(), r.criteria(), r.opensAt,
                r.closesAt.minusSeconds(60));
        assertThatThrownBy(() -> r.amend(shorter, now)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.problems()).extracting(RuleViolation.FieldProblem::field)
                        .containsExactly("closesAt"));
        RfiContent otherQuestions = new RfiContent(r.title, r.description, List.of(new Question(UUID.randomUUID(),
                "Annan fråga?", QuestionType.TEXT, true, null, List.of())), r.criteria(), r.opensAt, r.closesAt);
        assertThatThrownBy(() -> r.amend(otherQuestions, now)).isInstanceOf(RuleViolation.class);
        assertThat(r.amend(r.content(), now)).isEmpty();
        assertThat(r.amendments).isEqualTo(1);
    }

    @Test
    void nothingChangesAtOrAfterTheClose() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Rfi r = draft(now.minusSeconds(3600), now.plusSeconds(3600));
        r.publish(now);
        Instant closes = r.closesAt;
        RfiContent longer = new RfiContent(r.title, r.description, r.questions(), r.criteria(), r.opensAt,
                closes.plusSeconds(60));
        assertThatThrownBy(() -> r.amend(longer, closes)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> r.cancel("för sent", closes)).isInstanceOf(RuleViolation.class);
        assertThat(r.closesAt).isEqualTo(closes);
        assertThat(r.status).isEqualTo(RfiStatus.OPEN);
    }

    @Test
    void choicesNeedTwoDistinctOptionsAndWeightsMustAddUpTo100() {
        RfiContent c = new RfiContent("T", null, List.of(new Question(UUID.randomUUID(), "Vilken?",
                QuestionType.SINGLE_CHOICE, true, null, List.of("Ja", "ja"))), List.of(
                new Criterion(UUID.randomUUID(), "Kostnad", null, 50), new Criterion(UUID.randomUUID(), "kostnad",
                        null, 40)), Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertThat(c.problems().list()).extracting(RuleViolation.FieldProblem::field)
                .containsExactlyInAnyOrder("questions[0].options", "criteria[1].name");
        assertThat(c.missingForPublication(Instant.EPOCH).list()).extracting(RuleViolation.FieldProblem::field)
                .contains("criteria");
    }

    @Test
    void idsSentBackTwiceAreRefusedBeforeAnythingIsKeyedByThem() {
        UUID q = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        RfiContent content = new RfiContent("T", null, List.of(
                new Question(q, "Hur?", QuestionType.TEXT, true, 100, List.of()),
                new Question(q, "Varför?", QuestionType.TEXT, false, 100, List.of())), List.of(
                new Criterion(c, "Kostnad", null, 50), new Criterion(c, "Lokal förankring", null, 50)),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertThat(content.problems().list()).extracting(RuleViolation.FieldProblem::field)
                .containsExactlyInAnyOrder("questions[1].id", "criteria[1].id");
    }

    @Test
    void aWindowSpanningTheChangeOfTimeOpensAndClosesAtLocalMidnight() {
        // "Open 20 March – 5 April 2026" spans the last Sunday of March; "20 October – 5 November" the last of
        // October. Both begin at local midnight in winter or summer time and end at the local midnight after the
        // last day, in the other offset.
        Instant springOpens = Windows.startOf(LocalDate.of(2026, 3, 20), STOCKHOLM);
        Instant springCloses = Windows.endOf(LocalDate.of(2026, 4, 5), STOCKHOLM);
        assertThat(springOpens).isEqualTo(Instant.parse("2026-03-19T23:00:00Z"));
        assertThat(springCloses).isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));
        Rfi spring = draft(springOpens, springCloses);
        spring.publish(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(spring.openIfDue(springOpens)).isTrue();
        assertThat(spring.acceptsResponses(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
        assertThat(spring.acceptsResponses(springCloses.minusSeconds(1))).isTrue();
        assertThat(spring.acceptsResponses(springCloses)).isFalse();

        Instant autumnOpens = Windows.startOf(LocalDate.of(2026, 10, 20), STOCKHOLM);
        Instant autumnCloses = Windows.endOf(LocalDate.of(2026, 11, 5), STOCKHOLM);
        assertThat(autumnOpens).isEqualTo(Instant.parse("2026-10-19T22:00:00Z"));
        assertThat(autumnCloses).isEqualTo(Instant.parse("2026-11-05T23:00:00Z"));
        assertThat(Duration.between(autumnOpens, autumnCloses)).isEqualTo(Duration.ofDays(17).plusHours(1));
        Rfi autumn = draft(autumnOpens, autumnCloses);
        autumn.publish(Instant.parse("2026-10-01T08:00:00Z"));
        assertThat(autumn.openIfDue(autumnOpens.minusSeconds(1))).isFalse();
        assertThat(autumn.openIfDue(autumnOpens)).isTrue();
        assertThat(autumn.acceptsResponses(autumnCloses.minusSeconds(1))).isTrue();
        assertThat(autumn.acceptsResponses(autumnCloses)).isFalse();
    }
}
