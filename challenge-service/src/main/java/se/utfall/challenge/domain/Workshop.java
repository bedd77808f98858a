package se.utfall.challenge.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import se.utfall.web.problem.RuleViolation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workshop where stakeholders help understand the need; seats are counted per organisation. */
@Entity
@Table(name = "workshop")
public class Workshop extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "challenge_id", nullable = false, updatable = false)
    public UUID challengeId;
    public String title;
    public String description;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String location;
    @Column(name = "online_url")
    public String onlineUrl;
    public int capacity;
    @Column(name = "registered_count")
    public int registeredCount;
    @Version
    public long version;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancellation_reason")
    public String cancellationReason;

    /** Organisations can register: not cancelled, not started, and the challenge is open. */
    public boolean registrationOpen(ChallengeStatus challengeStatus, Instant now) {
        return cancelledAt == null && challengeStatus == ChallengeStatus.PUBLISHED && now.isBefore(startsAt);
    }

    /**
     * The ETag value of this workshop as read now: what it shows depends on its own version, on its challenge
     * (status, buyers) and on whether it has started, so all three are in the tag.
     */
    public String tag(long challengeVersion, Instant now) {
        return version + "." + challengeVersion + (now.isBefore(startsAt) ? "" : ".started");
    }

    /** Seats an organisation could still take now: none once registration is closed. */
    public int seatsLeft(ChallengeStatus challengeStatus, Instant now) {
        return registrationOpen(challengeStatus, now) ? Math.max(0, capacity - registeredCount) : 0;
    }

    /** Seats not taken, as events report them: none once cancelled. */
    public int seatsNotTaken() {
        return cancelledAt != null ? 0 : Math.max(0, capacity - registeredCount);
    }

    /**
     * A workshop is changed or cancelled before it starts and only once cancelled (409). A new capacity must hold
     * the organisations already registered (409, naming the field).
     */
    public void requireChangeable(Instant now) {
        if (cancelledAt != null) {
            throw RuleViolation.conflict("The workshop is cancelled");
        }
        if (!now.isBefore(startsAt)) {
            throw RuleViolation.conflict("The workshop has started; it can no longer be changed or cancelled");
        }
    }

    public void requireRoomFor(int newCapacity) {
        if (newCapacity < registeredCount) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "Capacity below the registrations",
                    List.of(new RuleViolation.FieldProblem("capacity", registeredCount
                            + " organisations are registered; cancel registrations before lowering it further")));
        }
    }

    /** Cancels the workshop; registrations stay, so participants can be told. */
    public void cancel(String reason, Instant now) {
        requireChangeable(now);
        cancelledAt = now;
        cancellationReason = reason;
    }

    /**
     * A workshop can be held: it ends after it starts, starts in the future, and has a place, an online link, or
     * both. All problems at once (400).
     */
    public static void requireSchedulable(Instant startsAt, Instant endsAt, String location, String onlineUrl,
            Instant now) {
        RuleViolation.Problems problems = new RuleViolation.Problems();
        if (!endsAt.isAfter(startsAt)) {
            problems.add("endsAt", "must be after startsAt");
        }
        if (!startsAt.isAfter(now)) {
            problems.add("startsAt", "must be in the future");
        }
        if (isBlank(location) && isBlank(onlineUrl)) {
            problems.add("location", "give a place, an online link, or both");
        }
        problems.throwIfAny(RuleViolation.Kind.INVALID, "The workshop has invalid fields");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Takes one seat; the caller holds a row lock on this workshop, so concurrent registrations queue here. */
    public void takeSeat(Instant now) {
        if (cancelledAt != null) {
            throw RuleViolation.conflict("Registration closed: the workshop is cancelled");
        }
        if (!now.isBefore(startsAt)) {
            throw RuleViolation.conflict("Registration closed: the workshop has already started");
        }
        if (registeredCount >= capacity) {
            throw RuleViolation.conflict("The workshop is full (" + capacity + " organisations)");
        }
        registeredCount++;
    }

    public void releaseSeat() {
        registeredCount = Math.max(0, registeredCount - 1);
    }
}
