package se.utfall.messaging.inbox;

/**
 * Thrown by an inbox effect when the event itself breaks a rule (it refers to something that cannot exist, its
 * values contradict each other): retrying cannot help, so the record goes to the dead-letter topic at once.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
