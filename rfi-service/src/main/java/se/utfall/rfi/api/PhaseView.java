package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.utfall.money.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Phase", description = "A phase of a procurement: public, like the procurement. The gate's reasons"
        + " are shown to its buyers and suppliers only.")
public record PhaseView(UUID id, int number, String name, String description, Money budget, int maxSuppliers,
        OffsetDateTime opensAt, OffsetDateTime closesAt, LocalDate firstDay, LocalDate lastDay,
        boolean acceptingDeliverables, List<CriterionView> criteria, List<String> deliverables,
        @Schema(description = "Suppliers invited to the phase") int invited,
        @Schema(description = "Suppliers that accepted") int accepted,
        @Schema(description = "What its contracts add up to") Money contracted,
        OffsetDateTime decidedAt, String decisionReasons) {
}
