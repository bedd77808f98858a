package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.audit.HistoryEntry;
import se.utfall.audit.HistoryQuery;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Actor;

import java.util.UUID;

/**
 * The audit history, oldest first. An RFI's: for its organisation (and admins), everything but the responses.
 * A response's: its organisation sees what it did; the buyer sees everything once it is submitted (also who
 * scored and decided). Everyone else gets 404. The public history of an RFI is its amendments.
 */
@ApplicationScoped
public class HistoryService {
    private final RfiAudit trail;

    public HistoryService(RfiAudit trail) {
        this.trail = trail;
    }

    @WithSession
    public Uni<Page<HistoryEntry>> ofRfi(UUID id, Actor actor, PageRequest page) {
        return Rfi.<Rfi>findById(id).chain(rfi -> {
            actor.ownedOrNotFound(rfi, x -> x.ownerOrgId, "RFI");
            return trail.history(HistoryQuery.of(RfiAudit.rfi(id)), page);
        });
    }

    @WithSession
    public Uni<Page<HistoryEntry>> ofResponse(UUID id, Actor actor, PageRequest page) {
        return RfiResponse.<RfiResponse>findById(id).chain(r -> r == null ? notFound()
                : Rfi.<Rfi>findById(r.rfiId).chain(rfi -> {
                    if (actor.isOwnOrganisation(r.organisationId)) {
                        return trail.history(HistoryQuery.of(RfiAudit.response(id))
                                .byOrganisation(actor.organisation()),
                                page);
                    }
                    // The buyer (or an admin) reads a submitted response's history; how a consortium formed (who
                    // was asked, who declined) is the respondents' business.
                    actor.ownedOrNotFound(r.status == ResponseStatus.SUBMITTED ? rfi : null, x -> x.ownerOrgId,
                            "response");
                    return trail.history(HistoryQuery.of(RfiAudit.response(id))
                            .excludingActionsStartingWith("CONSORTIUM_"),
                            page);
                }));
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(RuleViolation.notFound("response"));
    }
}
