package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import se.utfall.rfi.domain.Rfi;

import java.util.UUID;

/** Loading an RFI for the work that depends on its window without changing it. */
final class Rfis {
    private Rfis() {
    }

    /**
     * The RFI locked in share mode ({@code FOR SHARE}) and read-only in the session: many responses may hold it
     * at once, the scheduler's close waits for them, and none of them ever writes the RFI row (a write would need
     * the lock exclusively while others share it: a deadlock).
     */
    static Uni<Rfi> shareLocked(UUID id) {
        return Panache.getSession().chain(s -> s.find(Rfi.class, id, LockModeType.PESSIMISTIC_READ)
                .invoke(rfi -> {
                    if (rfi != null) {
                        s.setReadOnly(rfi, true);
                    }
                }));
    }

    /** The RFI locked for writing until the transaction ends: its askers and uploaders are counted in turn. */
    static Uni<Rfi> writeLocked(UUID id) {
        return Panache.getSession().chain(s -> s.find(Rfi.class, id, LockModeType.PESSIMISTIC_WRITE)
                .invoke(rfi -> {
                    if (rfi != null) {
                        s.setReadOnly(rfi, true);
                    }
                }));
    }
}
