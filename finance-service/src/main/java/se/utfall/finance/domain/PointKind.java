package se.utfall.finance.domain;

/** A payment point: INTERIM ones along the way, one FINAL at the end (its validated claim completes the case). */
public enum PointKind { INTERIM, FINAL }
