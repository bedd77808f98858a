package se.utfall.rfi.domain;

import se.utfall.web.problem.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Windows in calendar days of one time zone (Europe/Stockholm): "open 10–27 May" runs from 10 May 00:00 to the
 * end of 27 May, local time, whatever the offset on either day (CET or CEST).
 */
public final class Windows {
    private static final Duration LAST_INSTANT = Duration.ofNanos(1_000);

    private Windows() {
    }

    /** 00:00 local time on {@code day}. */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The end of {@code day} local time: 00:00 of the next day (a window is half-open). */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The day an instant falls on, local time. */
    public static LocalDate dayOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** The last day of a window closing (exclusively) at {@code closesAt}. */
    public static LocalDate lastDayBefore(Instant closesAt, ZoneId zone) {
        return dayOf(closesAt.minus(LAST_INSTANT), zone);
    }

    /** An instant as Swedish local time with that moment's offset. */
    public static OffsetDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }

    /**
     * One end of a window from an instant or a day. A body read with GET and sent back has both: when they
     * disagree, the one that differs from the {@code current} end is the one the client changed, and wins (the
     * last day moved by a day, the instant left as read). Only when both changed and disagree is it a problem,
     * under {@code dayField}. Answers null when neither is given.
     */
    public static Instant resolve(OffsetDateTime at, LocalDate day, boolean end, ZoneId zone, String field,
            String dayField, Instant current, RuleViolation.Problems p) {
        if (at == null) {
            return day == null ? null : dayEnd(day, end, zone);
        }
        Instant instant = at.toInstant();
        if (day != null) {
            LocalDate implied = end ? lastDayBefore(instant, zone) : dayOf(instant, zone);
            if (!implied.equals(day)) {
                if (current != null && instant.equals(current)) {
                    return dayEnd(day, end, zone);
                }
                boolean dayAsRead = current != null
                        && day.equals(end ? lastDayBefore(current, zone) : dayOf(current, zone));
                if (!dayAsRead) {
                    p.add(dayField, "disagrees with " + field + " (" + implied + "); give one of them");
                }
            }
        }
        return instant;
    }

    private static Instant dayEnd(LocalDate day, boolean end, ZoneId zone) {
        return end ? endOf(day, zone) : startOf(day, zone);
    }
}
