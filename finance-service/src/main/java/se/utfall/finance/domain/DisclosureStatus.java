package se.utfall.finance.domain;

/** A field's publication status (INDIGO's): PUBLIC, PRIVATE (not shown) or DISPUTED (shown, marked as disputed). */
public enum DisclosureStatus { PUBLIC, PRIVATE, DISPUTED }
