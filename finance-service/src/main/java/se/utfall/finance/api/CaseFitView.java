package se.utfall.finance.api;

/** A case as recommended to an investor, with why. */
public record CaseFitView(CaseView investmentCase, FitView fit) {
}
