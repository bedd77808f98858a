package se.utfall.finance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.finance.domain.DisclosureStatus;

/** Per field of a contract, whether it is published: PUBLIC by default, PRIVATE, or DISPUTED (shown, marked). */
@Schema(name = "Disclosure")
public record DisclosureView(DisclosureStatus terms, DisclosureStatus payments, DisclosureStatus results,
        DisclosureStatus savings, DisclosureStatus investments) {
}
