package se.utfall.finance.domain;

/** Why a contract ends early. */
public enum TerminationTrigger { PAYER_CONVENIENCE, PROVIDER_FAILURE, FORCE_MAJEURE, OUTCOMES_UNACHIEVABLE }
