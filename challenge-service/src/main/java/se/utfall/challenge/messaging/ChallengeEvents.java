package se.utfall.challenge.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.api.WorkshopEventData;
import se.utfall.challenge.api.WorkshopRegisteredData;
import se.utfall.events.EventTypes;
import se.utfall.messaging.outbox.Outbox;

/**
 * The events this service publishes. Written to the outbox in the caller's transaction; the relay publishes them
 * after commit, each on the topic the catalogue gives its type: challenge and workshop news on the public
 * {@code utfall.challenges.v1} (public state only), registrations on the internal {@code utfall.internal.challenges.v1}.
 */
@ApplicationScoped
public class ChallengeEvents {
    private final Outbox outbox;

    public ChallengeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code view} must be the public view (internal insights left out). */
    public Uni<Void> published(ChallengeView view) {
        return challenge(EventTypes.CHALLENGE_PUBLISHED, view);
    }

    public Uni<Void> updated(ChallengeView view) {
        return challenge(EventTypes.CHALLENGE_UPDATED, view);
    }

    public Uni<Void> closed(ChallengeView view) {
        return challenge(EventTypes.CHALLENGE_CLOSED, view);
    }

    public Uni<Void> archived(ChallengeView view) {
        return challenge(EventTypes.CHALLENGE_ARCHIVED, view);
    }

    public Uni<Void> workshopScheduled(WorkshopEventData workshop) {
        return outbox.append(EventTypes.WORKSHOP_SCHEDULED, workshop.id().toString(), workshopSubject(workshop),
                workshop).replaceWithVoid();
    }

    /** Internal: who registered; public: the seats left. */
    public Uni<Void> workshopRegistered(WorkshopRegisteredData data) {
        return outbox.append(EventTypes.WORKSHOP_REGISTERED, data.workshop().id().toString(),
                workshopSubject(data.workshop()), data)
                .chain(() -> seatsChanged(data.workshop()));
    }

    public Uni<Void> workshopRegistrationCancelled(WorkshopRegisteredData data) {
        return outbox.append(EventTypes.WORKSHOP_REGISTRATION_CANCELLED, data.workshop().id().toString(),
                workshopSubject(data.workshop()), data)
                .chain(() -> seatsChanged(data.workshop()));
    }

    private Uni<Void> seatsChanged(WorkshopEventData workshop) {
        return outbox.append(EventTypes.WORKSHOP_SEATS_CHANGED, workshop.id().toString(), workshopSubject(workshop),
                workshop).replaceWithVoid();
    }

    private Uni<Void> challenge(String type, ChallengeView view) {
        return outbox.append(type, view.id().toString(), "challenges/" + view.id(), view).replaceWithVoid();
    }

    private static String workshopSubject(WorkshopEventData w) {
        return "challenges/" + w.challengeId() + "/workshops/" + w.id();
    }
}
