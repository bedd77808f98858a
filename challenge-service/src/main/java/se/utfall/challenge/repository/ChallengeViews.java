package se.utfall.challenge.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeAggregate;
import se.utfall.challenge.mapping.ChallengeMapper;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * The read model of one challenge: its JSON as the buyers see it and as everyone else sees it, computed in the
 * transaction of each change, so a read is one primary-key lookup without the ORM.
 */
@ApplicationScoped
public class ChallengeViews {
    private static final String UPSERT = "INSERT INTO challenge_view (id, version, is_public, readers, buyers,"
            + " public_json, full_json) VALUES (:id, :version, :public, :readers, :buyers, :publicJson, :fullJson)"
            + " ON CONFLICT (id) DO UPDATE SET"
            + " version = excluded.version, is_public = excluded.is_public, readers = excluded.readers,"
            + " buyers = excluded.buyers, public_json = excluded.public_json, full_json = excluded.full_json";
    private static final String FIND = "SELECT version, is_public, readers, buyers, public_json, full_json"
            + " FROM challenge_view WHERE id = $1";

    private final Pool pool;
    private final ObjectMapper mapper;

    public ChallengeViews(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /** A challenge's stored views and who may read them. */
    public record Stored(UUID id, long version, boolean isPublic, Set<UUID> readers, Set<UUID> buyers,
            String publicJson, String fullJson) {
    }

    /**
     * Stores the aggregate's views in the caller's transaction; call after the flush, so the version is final.
     * Answers the full view.
     */
    public Uni<ChallengeView> store(ChallengeAggregate aggregate) {
        Challenge c = aggregate.challenge();
        ChallengeView full = ChallengeMapper.toView(aggregate);
        String publicJson = json(ChallengeMapper.publicOf(full));
        String fullJson = json(full);
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("id", c.id).setParameter("version", c.version)
                .setParameter("public", c.isPublic()).setParameter("readers", array(c.readers()))
                .setParameter("buyers", array(c.buyers())).setParameter("publicJson", publicJson)
                .setParameter("fullJson", fullJson).executeUpdate()).replaceWith(full);
    }

    /** The stored views, or null when the challenge has none (unknown, or last changed before they existed). */
    public Uni<Stored> find(UUID id) {
        return pool.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row r = it.next();
            return new Stored(id, r.getLong("version"), r.getBoolean("is_public"), set(r.getArrayOfUUIDs("readers")),
                    set(r.getArrayOfUUIDs("buyers")), r.getString("public_json"), r.getString("full_json"));
        });
    }

    private String json(ChallengeView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID[] array(Set<UUID> ids) {
        return ids.toArray(new UUID[0]);
    }

    private static Set<UUID> set(UUID[] ids) {
        return ids == null ? Set.of() : Set.copyOf(Arrays.asList(ids));
    }
}
