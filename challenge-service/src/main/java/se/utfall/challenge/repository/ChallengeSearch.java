package se.utfall.challenge.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeFilter;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filtered, sorted, paged lists of challenges in three queries whatever the page size: matching ids, their
 * count, and the rows. Free text uses the {@code search} column (Swedish and English stemming, and accent-free
 * Swedish stemming and exact words).
 */
@ApplicationScoped
public class ChallengeSearch {
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");
    private static final String TSQUERY = "(websearch_to_tsquery('swedish', :q) || websearch_to_tsquery('english', :q)"
            + " || websearch_to_tsquery('utfall_swedish', :q) || websearch_to_tsquery('utfall_simple', :q))";
    /**
     * A query of stop words only ("och", "the") means nothing in either language: it finds nothing, rather than
     * every text containing the word.
     */
    private static final String MEANINGFUL = "numnode(websearch_to_tsquery('swedish', :q)) > 0"
            + " AND numnode(websearch_to_tsquery('english', :q)) > 0";

    /** The SQL of each order. */
    private static String orderBy(ChallengeFilter.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> "ts_rank(c.search, " + TSQUERY + ") DESC, c.published_at DESC NULLS LAST";
            case PUBLISHED_DESC -> "c.published_at DESC NULLS LAST";
            case PUBLISHED_ASC -> "c.published_at ASC NULLS LAST";
            case TITLE_ASC -> "lower(c.title) ASC";
            case TITLE_DESC -> "lower(c.title) DESC";
            case UPDATED_DESC -> "c.updated_at DESC";
            case UPDATED_ASC -> "c.updated_at ASC";
        };
    }

    private final Pool pool;

    public ChallengeSearch(Pool pool) {
        this.pool = pool;
    }

    /**
     * Challenges matching {@code filter}; with {@code organisation}, only those it owns, co-buys or observes
     * (drafts included), otherwise only the statuses asked for.
     */
    public Uni<Page<Challenge>> find(ChallengeFilter filter, UUID organisation, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        List<ChallengeStatus> statuses = filter.statuses();
        if (statuses != null && !statuses.isEmpty()) {
            where.append(" AND c.status IN (");
            for (int i = 0; i < statuses.size(); i++) {
                where.append(i == 0 ? "" : ", ").append(":status").append(i);
                params.put("status" + i, statuses.get(i).name());
            }
            where.append(')');
        }
        if (organisation == null) {
            // Public lists: only what was published (a shelved draft is ARCHIVED but never public).
            where.append(" AND c.published_at IS NOT NULL");
        } else {
            where.append(" AND (c.owner_org_id = :org OR c.co_buyer_org_ids @> ARRAY[CAST(:orgText AS text)]"
                    + " OR c.observer_org_ids @> ARRAY[CAST(:orgText AS text)])");
            params.put("org", organisation);
            params.put("orgText", organisation.toString());
        }
        if (filter.sector() != null) {
            where.append(" AND c.sectors @> ARRAY[CAST(:sector AS text)]");
            params.put("sector", filter.sector());
        }
        if (filter.municipalityCode() != null) {
            where.append(" AND c.municipality_code = :municipality");
            params.put("municipality", filter.municipalityCode());
        }
        boolean text = filter.text() != null && !filter.text().isBlank();
        if (text) {
            where.append(" AND ").append(MEANINGFUL).append(" AND c.search @@ ").append(TSQUERY);
            params.put("q", filter.text());
        }
        ChallengeFilter.Sort sort = filter.sort() == ChallengeFilter.Sort.RELEVANCE && !text
                ? ChallengeFilter.Sort.PUBLISHED_DESC : filter.sort();
        String ids = "SELECT c.id FROM challenge c" + where + " ORDER BY " + orderBy(sort)
                + ", c.id LIMIT :limit OFFSET :offset";
        String count = "SELECT count(*) FROM challenge c" + where;
        params.put("limit", (long) page.size);
        params.put("offset", page.offset());

        List<Object> idValues = new ArrayList<>();
        String idSql = positional(ids, params, idValues);
        List<Object> countValues = new ArrayList<>();
        String countSql = positional(count, params, countValues);

        // Ids and count on the SQL client: Hibernate would cache a plan for each native selection that never
        // matches again (see Outbox). The rows come through a session opened only then: a Hibernate Reactive
        // session holds a pool connection from its start, so a session around the SQL client's queries would
        // need two connections per request, and under load every connection would wait for a second one.
        return pool.preparedQuery(countSql).execute(Tuple.from(countValues))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(total -> pool.preparedQuery(idSql).execute(Tuple.from(idValues)).chain(rows -> {
                    List<UUID> idList = new ArrayList<>();
                    rows.forEach(r -> idList.add(r.getUUID(0)));
                    if (idList.isEmpty()) {
                        return Uni.createFrom().item(Page.<Challenge>of(List.of(), page, total));
                    }
                    return Panache.withSession(() -> Challenge.<Challenge>list("id in ?1", idList)).map(found -> {
                        List<Challenge> ordered = new ArrayList<>(found);
                        ordered.sort(Comparator.comparingInt(c -> idList.indexOf(c.id)));
                        return Page.of(ordered, page, total);
                    });
                }));
    }

    /** {@code :name} parameters to PostgreSQL's {@code $n}, one position per name; values in {@code out}. */
    static String positional(String sql, Map<String, Object> params, List<Object> out) {
        Map<String, Integer> position = new HashMap<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            int n = position.computeIfAbsent(name, k -> {
                out.add(params.get(k));
                return out.size();
            });
            m.appendReplacement(result, "\\$" + n);
        }
        m.appendTail(result);
        return result.toString();
    }
}
