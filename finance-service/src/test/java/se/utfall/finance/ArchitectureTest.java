package se.utfall.finance;

import se.utfall.testing.ArchitectureRules;

/** The layer table of docs/new-service.md and the rules beside it, checked on this service's classes. */
class ArchitectureTest extends ArchitectureRules {
}
