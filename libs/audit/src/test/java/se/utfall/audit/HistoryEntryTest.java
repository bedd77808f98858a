package se.utfall.audit;

import io.quarkus.panache.common.Parameters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryEntryTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static AuditEntry stored(String changes) {
        AuditEntry e = new AuditEntry();
        e.id = 7L;
        e.subjectType = "challenge";
        e.subjectId = UUID.randomUUID();
        e.at = Instant.parse("2026-05-10T08:30:00Z");
        e.actor = "sub-1";
        e.actorOrgId = UUID.randomUUID();
        e.action = "AMENDED";
        e.changes = changes;
        e.note = "Förtydligad sammanfattning";
        return e;
    }

    @Test
    void theFullViewShowsWhoAndWhatWithAmountsAsStored() {
        HistoryEntry h = HistoryEntry.of(stored("{\"budget\":{\"from\":{\"amount\":560000.00,\"currency\":\"SEK\"},"
                + "\"to\":{\"amount\":78.50,\"currency\":\"SEK\"}},\"title\":{\"from\":\"a\",\"to\":\"b\"}}"),
                HistoryEntry.Detail.FULL, STOCKHOLM);
        assertThat(h.sequence()).isEqualTo(7L);
        assertThat(h.at().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(h.at().toInstant()).isEqualTo(Instant.parse("2026-05-10T08:30:00Z"));
        assertThat(h.actor()).isEqualTo("sub-1");
        assertThat(h.changedFields()).containsExactly("budget", "title");
        assertThat(h.changes().toString()).contains("560000.00").contains("78.50");
        assertThat(h.redacted()).isFalse();
    }

    @Test
    void thePublicViewShowsWhichFieldsAndWhenButNotWhoNorTheTexts() {
        HistoryEntry h = HistoryEntry.of(stored("{\"title\":{\"from\":\"Anna, 87\",\"to\":\"b\"}}"),
                HistoryEntry.Detail.PUBLIC, ZoneOffset.UTC);
        assertThat(h.actor()).isNull();
        assertThat(h.changes()).isNull();
        assertThat(h.changedFields()).containsExactly("title");
        assertThat(h.note()).isEqualTo("Förtydligad sammanfattning");
        assertThat(h.at().toString()).isEqualTo("2026-05-10T08:30Z");
    }

    @Test
    void nothingRecordedIsNoChangesAndARedactedEntrySaysSo() {
        AuditEntry e = stored("{}");
        e.redactedAt = Instant.now();
        HistoryEntry h = HistoryEntry.of(e, HistoryEntry.Detail.FULL, ZoneOffset.UTC);
        assertThat(h.changes()).isNull();
        assertThat(h.changedFields()).isEmpty();
        assertThat(h.redacted()).isTrue();
    }

    @Test
    void aQueryNamesItsSubjectAndEscapesAnExcludedPrefix() {
        Subject response = Subject.of("response", UUID.randomUUID());
        HistoryQuery q = HistoryQuery.of(response).excludingActionsStartingWith("CONSORTIUM_");
        assertThat(q.where()).isEqualTo("subjectType = :type and subjectId = :id"
                + " and action not like :prefix escape '!'");
        Parameters p = q.parameters();
        assertThat(p.map()).containsEntry("type", "response").containsEntry("id", response.id())
                .containsEntry("prefix", "CONSORTIUM!_%");
        assertThat(HistoryQuery.of(response).publicOnly().byOrganisation(UUID.randomUUID()).where())
                .isEqualTo("subjectType = :type and subjectId = :id and publicEntry = true and actorOrgId = :org");
    }
}
