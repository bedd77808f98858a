package se.utfall.finance.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** A reporting period as the API validates it: {@code 2027}, {@code 2027-H1}, {@code 2027-Q3} or {@code 2027-03}. */
public final class Period {
    private Period() {
    }

    /** The period's first day. */
    public static LocalDate start(String period) {
        LocalDate end = end(period);
        int months = period.length() == 4 ? 12 : switch (period.charAt(5)) {
            case 'H' -> 6;
            case 'Q' -> 3;
            default -> 1;
        };
        return end.withDayOfMonth(1).minusMonths(months - 1);
    }

    /** The period's last day: the terms in force on it are the terms its claim is paid by. */
    public static LocalDate end(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        if (period.length() == 4) {
            return LocalDate.of(year, 12, 31);
        }
        String rest = period.substring(5);
        int lastMonth = switch (rest.charAt(0)) {
            case 'H' -> 6 * (rest.charAt(1) - '0');
            case 'Q' -> 3 * (rest.charAt(1) - '0');
            default -> Integer.parseInt(rest);
        };
        return YearMonth.of(year, lastMonth).atEndOfMonth();
    }
}
