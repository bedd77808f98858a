package se.utfall.challenge.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.events.EventTypes;
import se.utfall.messaging.outbox.Outbox;

/**
 * The events this service publishes. Written to the outbox in the caller's transaction; the relay publishes them
 * after commit, each on the topic the catalogue gives its type: challenge and workshop news on the public
 * {@code utfall.challenges.v1} (public state only), registrations on the internal {@code
 * utfall.internal.challenges.v1}.
 */
@ApplicationScoped
public class ChallengeEvents {
    private final Outbox outbox;

    public ChallengeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> published(ChallengeEventData data) {
        return challenge(EventTypes.CHALLENGE_PUBLISHED, data);
    }

    public Uni<Void> updated(ChallengeEventData data) {
        return challenge(EventTypes.CHALLENGE_UPDATED, data);
    }

    public Uni<Void> closed(ChallengeEventData data) {
        return challenge(EventTypes.CHALLENGE_CLOSED, data);
    }

    public Uni<Void> archived(ChallengeEventData data) {
        return challenge(EventTypes.CHALLENGE_ARCHIVED, data);
    }

    public Uni<Void> workshopScheduled(WorkshopEventData workshop) {
        return workshop(EventTypes.WORKSHOP_SCHEDULED, workshop);
    }

    public Uni<Void> workshopUpdated(WorkshopEventData workshop) {
        return workshop(EventTypes.WORKSHOP_UPDATED, workshop);
    }

    public Uni<Void> workshopCancelled(WorkshopEventData workshop) {
        return workshop(EventTypes.WORKSHOP_CANCELLED, workshop);
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
        return workshop(EventTypes.WORKSHOP_SEATS_CHANGED, workshop);
    }

    private Uni<Void> workshop(String type, WorkshopEventData workshop) {
        return outbox.append(type, workshop.id().toString(), workshopSubject(workshop), workshop).replaceWithVoid();
    }

    private Uni<Void> challenge(String type, ChallengeEventData data) {
        return outbox.append(type, data.id().toString(), "challenges/" + data.id(), data).replaceWithVoid();
    }

    private static String workshopSubject(WorkshopEventData w) {
        return "challenges/" + w.challengeId() + "/workshops/" + w.id();
    }
}
