package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.api.NeedView;
import se.utfall.matching.domain.NeedEntry;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;

import java.util.UUID;

/** The need index as the public may read it: every need in it was published. */
@ApplicationScoped
public class NeedService {

    @WithSession
    public Uni<NeedView> get(UUID id) {
        return Needs.load(id).map(loaded -> view(loaded.entry()));
    }

    /** Needs, newest first; {@code open} (default true) keeps those still open, {@code kind} and kommunkod filter. */
    @WithSession
    public Uni<Page<NeedView>> list(Boolean open, String kind, String municipality, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (open == null || open) {
            q.append(" and open = true");
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            p.and("kind", kind);
        }
        if (municipality != null) {
            q.append(" and municipalityCode = :municipality");
            p.and("municipality", municipality);
        }
        String where = q.toString();
        return NeedEntry.<NeedEntry>find(where, Sort.by("updatedAt").descending().and("id"), p)
                .page(page.page, page.size).list()
                .chain(items -> NeedEntry.count(where, p).map(total -> Page.of(items, page, total)
                        .map(NeedService::view)));
    }

    static NeedView view(NeedEntry n) {
        return new NeedView(n.id, n.kind, n.challengeId, n.title, n.problemStatement, n.targetGroup,
                n.sectorList(), n.ownerOrgName, n.municipalityCode, n.municipalityName, n.locality, n.language,
                n.status, n.open, n.closesAt, n.version,
                n.updatedAt);
    }
}
