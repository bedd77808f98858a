package se.utfall.finance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How well an investor's mandate fits a case, criterion by criterion, with a reason for each in English and
 * Swedish: the same answer whether an investor looks for cases or a buyer for investors. The score is the sum of
 * the matched criteria's weights (0–100); a mandate that cannot take the case at all (outside its region, a
 * ticket above what is left) scores, but says why it cannot.
 */
public record Fit(int score, boolean eligible, List<Reason> reasons) {

    /** One criterion: whether it matched, and why, in both languages. */
    public record Reason(String criterion, boolean matched, String en, String sv) {
    }

    static final int SECTOR = 30;
    static final int SDG = 20;
    static final int REGION = 20;
    static final int TICKET = 20;
    static final int INSTRUMENT = 10;

    public static Fit of(Investor investor, InvestmentCase c) {
        List<Reason> reasons = new ArrayList<>();
        int score = 0;
        List<String> sectors = c.sectorList().stream().filter(investor.sectorList()::contains).toList();
        reasons.add(sectors.isEmpty()
                ? new Reason("sector", false, "No sector of the mandate (" + c.sectorList() + " sought)",
                        "Ingen sektor i mandatet (ärendet: " + c.sectorList() + ")")
                : new Reason("sector", true, "Sector in the mandate: " + sectors,
                        "Sektor i mandatet: " + sectors));
        score += sectors.isEmpty() ? 0 : SECTOR;
        List<String> sdgs = c.sdgTargetList().stream().filter(investor.sdgTargetList()::contains).toList();
        reasons.add(sdgs.isEmpty()
                ? new Reason("sdg", false, "No SDG target in common", "Inget gemensamt delmål i Agenda 2030")
                : new Reason("sdg", true, "SDG targets in common: " + sdgs, "Gemensamma delmål: " + sdgs));
        score += sdgs.isEmpty() ? 0 : SDG;
        boolean region = investor.national || c.municipalityCode != null
                && investor.municipalityList().contains(c.municipalityCode);
        reasons.add(region
                ? new Reason("region", true, investor.national ? "The mandate is national"
                        : "Municipality " + c.municipalityCode + " is in the mandate",
                        investor.national ? "Mandatet är nationellt"
                                : "Kommun " + c.municipalityCode + " ingår i mandatet")
                : new Reason("region", false, "Municipality " + c.municipalityCode + " is outside the mandate",
                        "Kommun " + c.municipalityCode + " ligger utanför mandatet"));
        score += region ? REGION : 0;
        BigDecimal left = c.capitalRequired.subtract(c.committed);
        boolean currency = investor.currency.equals(c.currency);
        boolean ticket = currency && investor.ticketMin.compareTo(left) <= 0;
        reasons.add(ticket
                ? new Reason("ticket", true, "A ticket of " + investor.ticketMin.toPlainString() + "–"
                        + investor.ticketMax.toPlainString() + " " + investor.currency + " fits the "
                        + left.toPlainString() + " still sought", "En insats på "
                        + investor.ticketMin.toPlainString() + "–" + investor.ticketMax.toPlainString() + " "
                        + investor.currency + " ryms i de " + left.toPlainString() + " som återstår")
                : new Reason("ticket", false, currency ? "The smallest ticket, " + investor.ticketMin.toPlainString()
                        + ", is more than the " + left.toPlainString() + " still sought" : "Another currency",
                        currency ? "Minsta insatsen, " + investor.ticketMin.toPlainString() + ", är mer än de "
                                + left.toPlainString() + " som återstår" : "Annan valuta"));
        score += ticket ? TICKET : 0;
        boolean instrument = investor.instrumentList().contains(Instrument.OUTCOME_BASED);
        reasons.add(instrument
                ? new Reason("instrument", true, "Takes outcome-based instruments",
                        "Tar utfallsbaserade instrument")
                : new Reason("instrument", false, "The mandate names no outcome-based instrument",
                        "Mandatet tar inte utfallsbaserade instrument"));
        score += instrument ? INSTRUMENT : 0;
        reasons.add(new Reason("return", investor.returnMaxPercent == null,
                "The return is set by the outcome contract (not yet signed)",
                "Avkastningen bestäms av utfallskontraktet (ännu inte undertecknat)"));
        return new Fit(score, region && ticket && c.status == CaseStatus.OPEN, List.copyOf(reasons));
    }
}
