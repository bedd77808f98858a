package se.utfall.web.http;

import io.smallrye.mutiny.Uni;

/**
 * A use case runs to its end even when the client goes away. Quarkus REST cancels a request's {@code Uni} when
 * the connection closes; cancelling a transaction half-way leaves Hibernate Reactive closing a connection with a
 * live transaction from another thread, and the connection never returns to the pool. After a few load-test runs
 * every connection was lost and the service answered nothing. Detached, the work commits or rolls back as usual
 * and its answer is simply not delivered.
 */
public final class Detached {
    private Detached() {
    }

    public static <T> Uni<T> run(Uni<T> work) {
        return Uni.createFrom().emitter(e -> work.subscribe().with(e::complete, e::fail));
    }
}
