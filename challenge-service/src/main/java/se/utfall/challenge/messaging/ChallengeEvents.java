package se.utfall.challenge.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.api.WorkshopRegisteredData;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.events.EventTypes;
import se.utfall.events.Topics;
import se.utfall.messaging.outbox.Outbox;

/**
 * The events this service publishes, all on {@value Topics#CHALLENGES}. Written to the outbox in the caller's
 * transaction; the relay publishes them after commit.
 */
@ApplicationScoped
public class ChallengeEvents {
    private final Outbox outbox;

    public ChallengeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

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

    public Uni<Void> workshopScheduled(WorkshopView view) {
        return outbox.append(Topics.CHALLENGES, EventTypes.WORKSHOP_SCHEDULED, view.id().toString(),
                workshopSubject(view), view).replaceWithVoid();
    }

    public Uni<Void> workshopRegistered(WorkshopRegisteredData data) {
        return outbox.append(Topics.CHALLENGES, EventTypes.WORKSHOP_REGISTERED, data.workshop().id().toString(),
                workshopSubject(data.workshop()), data).replaceWithVoid();
    }

    public Uni<Void> workshopRegistrationCancelled(WorkshopRegisteredData data) {
        return outbox.append(Topics.CHALLENGES, EventTypes.WORKSHOP_REGISTRATION_CANCELLED,
                data.workshop().id().toString(), workshopSubject(data.workshop()), data).replaceWithVoid();
    }

    private Uni<Void> challenge(String type, ChallengeView view) {
        return outbox.append(Topics.CHALLENGES, type, view.id().toString(), "challenges/" + view.id(), view)
                .replaceWithVoid();
    }

    private static String workshopSubject(WorkshopView w) {
        return "challenges/" + w.challengeId() + "/workshops/" + w.id();
    }
}
