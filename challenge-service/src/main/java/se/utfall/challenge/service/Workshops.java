package se.utfall.challenge.service;

import io.smallrye.mutiny.Uni;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.Workshop;
import se.utfall.challenge.domain.WorkshopRegistration;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Who may see or change a workshop: the one access rule the workshop, registration and contribution cases share. */
final class Workshops {
    private Workshops() {
    }

    record VisibleWorkshop(Workshop workshop, Challenge challenge) {
    }

    static boolean insider(Challenge c, Reader reader) {
        return reader.isInsider(c, Challenge::buyers);
    }

    /** Ids of those of {@code workshops} the reader's organisation registered for. */
    static Uni<Set<UUID>> registeredAmong(List<Workshop> workshops, Reader reader) {
        if (reader.organisation() == null || workshops.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return WorkshopRegistration.<WorkshopRegistration>list("organisationId = ?1 and workshopId in ?2",
                reader.organisation(), workshops.stream().map(w -> w.id).toList())
                .map(rs -> Set.copyOf(rs.stream().map(r -> r.workshopId).toList()));
    }

    static Uni<Challenge> visibleChallenge(UUID challengeId, Reader reader) {
        return Challenge.<Challenge>findById(challengeId).map(c -> reader.visibleOrNotFound(c, Challenge::isPublic,
                Challenge::readers, "Challenge " + challengeId));
    }

    static Uni<VisibleWorkshop> visibleWorkshop(UUID workshopId, Reader reader) {
        return Workshop.<Workshop>findById(workshopId).chain(w -> {
            if (w == null) {
                throw RuleViolation.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId).map(c -> new VisibleWorkshop(w,
                    reader.visibleOrNotFound(c, Challenge::isPublic, Challenge::readers, "Workshop " + workshopId)));
        });
    }

    /** The workshop, if the reader is of a buying organisation or registered for it: else 403 (or 404 if hidden). */
    static Uni<Workshop> participantWorkshop(UUID workshopId, Reader reader) {
        return visibleWorkshop(workshopId, reader).chain(vw -> {
            if (insider(vw.challenge(), reader)) {
                return Uni.createFrom().item(vw.workshop());
            }
            return registeredAmong(List.of(vw.workshop()), reader).map(mine -> {
                if (mine.isEmpty()) {
                    throw RuleViolation.forbidden("not-a-participant",
                            "Contributions are for the buying organisations and the registered participants");
                }
                return vw.workshop();
            });
        });
    }

    static Uni<Workshop> ownedWorkshop(UUID workshopId, Actor actor) {
        return Workshop.<Workshop>findById(workshopId).chain(w -> {
            if (w == null) {
                throw RuleViolation.notFound("Workshop " + workshopId);
            }
            return Challenge.<Challenge>findById(w.challengeId)
                    .map(c -> actor.ownedOrNotFound(c, x -> x.ownerOrgId, "Workshop " + workshopId))
                    .replaceWith(w);
        });
    }
    /** Who may read a challenge's workshops: every organisation once it is public, else its readers. */
    static Set<UUID> readers(Challenge c, Actor actor) {
        return c.isPublic() && actor.organisation() != null ? Set.of(actor.organisation()) : c.readers();
    }

    static Boolean registered(Reader reader, Set<UUID> mine, Workshop w) {
        return reader.organisation() == null ? null : mine.contains(w.id);
    }
}
