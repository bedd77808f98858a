package se.utfall.finance.domain;

/**
 * What of a contract is published, field by field (INDIGO's per-field status): its terms (rate card, caps, base
 * payment, schedule), its payments (totals per period), its results (verified units per goal), its savings ledger
 * and its investments (committed per tranche; never who). Published by default; the payer may keep a field PRIVATE
 * or mark it DISPUTED (published with that status).
 */
public record Disclosure(DisclosureStatus terms, DisclosureStatus payments, DisclosureStatus results,
        DisclosureStatus savings, DisclosureStatus investments) {

    public static final Disclosure PUBLISHED = new Disclosure(null, null, null, null, null);

    public Disclosure {
        terms = orPublic(terms);
        payments = orPublic(payments);
        results = orPublic(results);
        savings = orPublic(savings);
        investments = orPublic(investments);
    }

    /** Whether a field with this status is shown to anyone (DISPUTED is shown, marked). */
    public static boolean shown(DisclosureStatus s) {
        return s != DisclosureStatus.PRIVATE;
    }

    private static DisclosureStatus orPublic(DisclosureStatus s) {
        return s == null ? DisclosureStatus.PUBLIC : s;
    }
}
