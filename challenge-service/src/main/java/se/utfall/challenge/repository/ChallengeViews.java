package se.utfall.challenge.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

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

    public ChallengeViews(Pool pool) {
        this.pool = pool;
    }

    /** A challenge's stored views and who may read them. */
    public record Stored(UUID id, long version, boolean isPublic, Set<UUID> readers, Set<UUID> buyers,
            String publicJson, String fullJson) {
    }

    /** Stores a challenge's views and who may read them, in the caller's transaction. */
    public Uni<Void> store(UUID id, long version, boolean isPublic, Set<UUID> readers, Set<UUID> buyers,
            String publicJson, String fullJson) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("id", id).setParameter("version", version)
                .setParameter("public", isPublic).setParameter("readers", array(readers))
                .setParameter("buyers", array(buyers)).setParameter("publicJson", publicJson)
                .setParameter("fullJson", fullJson).executeUpdate()).replaceWithVoid();
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

    private static UUID[] array(Set<UUID> ids) {
        return ids.toArray(new UUID[0]);
    }

    private static Set<UUID> set(UUID[] ids) {
        return ids == null ? Set.of() : Set.copyOf(Arrays.asList(ids));
    }
}
