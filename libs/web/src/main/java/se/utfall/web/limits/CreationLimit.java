package se.utfall.web.limits;

import se.utfall.web.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;

/**
 * How many things of one kind an organisation may create in a sliding window (clarification questions per RFI,
 * workshop contributions, feedback): what keeps one caller from filling a buyer's inbox or the database. Counted
 * from the service's own rows, so the limit holds across replicas and restarts. Reaching it is a 429 problem with
 * {@code Retry-After}: the seconds until the oldest counted creation leaves the window.
 *
 * @param max    creations allowed in the window; 0 or less switches the limit off
 * @param window the window's length
 */
public record CreationLimit(int max, Duration window) {

    /** The start of the window ending at {@code now}: count creations after it. */
    public Instant since(Instant now) {
        return now.minus(window);
    }

    /**
     * Refuses the next creation when {@code counted} creations since {@link #since} have reached the limit.
     *
     * @param oldest the oldest of the counted creations (null when none)
     * @param what   what is limited, for the problem's detail ("clarification questions on this RFI")
     */
    public void check(long counted, Instant oldest, Instant now, String what) {
        if (max <= 0 || counted < max) {
            return;
        }
        long wait = oldest == null ? window.toSeconds()
                : Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
        throw RuleViolation.tooMany("Your organisation has reached its limit of " + max + " " + what + " per "
                + describe(window) + "; try again in " + wait + " s.", wait);
    }

    private static String describe(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        return d.toMinutes() + " minutes";
    }
}
