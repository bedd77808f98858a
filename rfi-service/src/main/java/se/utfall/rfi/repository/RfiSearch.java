package se.utfall.rfi.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.rfi.domain.RfiFilter;
import se.utfall.rfi.domain.RfiListing;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists of RFIs in one statement on the SQL client: every filter is a parameter that may be null, so the text of
 * the query never changes (one prepared statement, and nothing for Hibernate's plan cache; see Outbox).
 */
@ApplicationScoped
public class RfiSearch {
    private static final String TSQUERY = "(websearch_to_tsquery('swedish', $5) || websearch_to_tsquery('english', $5)"
            + " || websearch_to_tsquery('simple', $5))";
    private static final String WHERE = " WHERE status = ANY ($1)"
            + " AND ($2::uuid IS NULL OR owner_org_id = $2)"
            + " AND ($3::uuid IS NULL OR challenge_id = $3)"
            + " AND ($4::text IS NULL OR municipality_code = $4)"
            + " AND ($5::text IS NULL OR search @@ " + TSQUERY + ")";
    private static final String LIST = "SELECT id, challenge_id, owner_org_name, municipality_code,"
            + " municipality_name, challenge_title, title, status,"
            + " opens_at, closes_at, version, count(*) OVER () AS total FROM rfi" + WHERE
            + " ORDER BY CASE WHEN $5::text IS NULL THEN 0 ELSE ts_rank(search, " + TSQUERY + ") END DESC,"
            + " closes_at DESC, id LIMIT $6 OFFSET $7";
    /** Only for a page past the end, where no row carries the total. */
    private static final String COUNT = "SELECT count(*) FROM rfi" + WHERE;

    private final Pool pool;

    public RfiSearch(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<RfiListing>> find(RfiFilter filter, PageRequest page) {
        String[] statuses = filter.statuses().stream().map(Enum::name).toArray(String[]::new);
        String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().trim();
        Tuple args = Tuple.from(Arrays.asList(statuses, filter.owner(), filter.challengeId(),
                filter.municipalityCode(), text, (long) page.size, page.offset()));
        return pool.preparedQuery(LIST).execute(args).map(rows -> {
            List<RfiListing> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                items.add(new RfiListing(r.getUUID("id"), r.getUUID("challenge_id"), r.getString("owner_org_name"),
                        r.getString("municipality_code"), r.getString("municipality_name"),
                        r.getString("challenge_title"), r.getString("title"),
                        RfiStatus.valueOf(r.getString("status")), r.getOffsetDateTime("opens_at").toInstant(),
                        r.getOffsetDateTime("closes_at").toInstant(), r.getLong("version")));
            }
            return Page.of(items, page, total);
        }).chain(p -> p.items().isEmpty() && page.offset() > 0
                ? pool.preparedQuery(COUNT).execute(Tuple.from(Arrays.asList(statuses, filter.owner(),
                        filter.challengeId(), filter.municipalityCode(), text)))
                        .map(rows -> Page.of(List.<RfiListing>of(), page, rows.iterator().next().getLong(0)))
                : Uni.createFrom().item(p));
    }
}
