package se.utfall.finance.api;

import java.util.List;

/** How a mandate fits a case: a score (0–100), whether it can take it now, and a reason per criterion. */
public record FitView(int score, boolean eligible, List<Reason> reasons) {

    /** One criterion (sector, sdg, region, ticket, instrument, return), in English and Swedish. */
    public record Reason(String criterion, boolean matched, String en, String sv) {
    }
}
