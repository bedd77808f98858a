package se.utfall.rfi.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.rfi.api.HistoryEntry;
import se.utfall.rfi.domain.AuditEntry;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.rfi.domain.Windows;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Actor;

import java.io.IOException;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The audit history, oldest first. An RFI's: for its organisation (and admins), everything but the responses.
 * A response's: its organisation sees what it did; the buyer sees everything once it is submitted (also who
 * scored and decided). Everyone else gets 404. The public history of an RFI is its amendments.
 */
@ApplicationScoped
public class HistoryService {
    private final ObjectMapper json;
    private final ZoneId zone;

    public HistoryService(ObjectMapper json, RfiConfig config) {
        this.json = json;
        this.zone = config.timeZone();
    }

    @WithSession
    public Uni<Page<HistoryEntry>> ofRfi(UUID id, Actor actor, PageRequest page) {
        return Rfi.<Rfi>findById(id).chain(rfi -> {
            actor.ownedOrNotFound(rfi, x -> x.ownerOrgId, "RFI");
            return page("rfiId = ?1 and responseId is null", page, id);
        });
    }

    @WithSession
    public Uni<Page<HistoryEntry>> ofResponse(UUID id, Actor actor, PageRequest page) {
        return RfiResponse.<RfiResponse>findById(id).chain(r -> r == null ? notFound()
                : Rfi.<Rfi>findById(r.rfiId).chain(rfi -> {
                    if (actor.isOwnOrganisation(r.organisationId)) {
                        return page("responseId = ?1 and actorOrgId = ?2", page, id, actor.organisation());
                    }
                    // The buyer (or an admin) reads a submitted response's history; how a consortium formed (who
                    // was asked, who declined) is the respondents' business.
                    actor.ownedOrNotFound(r.status == ResponseStatus.SUBMITTED ? rfi : null, x -> x.ownerOrgId,
                            "response");
                    return page("responseId = ?1 and action not like 'CONSORTIUM\\_%' escape '\\'", page, id);
                }));
    }

    private Uni<Page<HistoryEntry>> page(String where, PageRequest page, Object... params) {
        return AuditEntry.<AuditEntry>find(where + " order by id", params).page(page.page, page.size).list()
                .chain(list -> AuditEntry.count(where, params).map(total -> Page.of(list.stream()
                        .map(this::toEntry).toList(), page, total)));
    }

    private HistoryEntry toEntry(AuditEntry e) {
        return new HistoryEntry(e.id, Windows.local(e.at, zone), e.actor, e.actorOrgId, e.action, changes(e.changes),
                e.note);
    }

    private JsonNode changes(String text) {
        try {
            return text == null || "{}".equals(text) ? null : json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(RuleViolation.notFound("response"));
    }
}
