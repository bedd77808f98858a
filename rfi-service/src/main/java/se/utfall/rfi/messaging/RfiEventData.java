package se.utfall.rfi.messaging;


import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of every {@code se.utfall.rfi.*} event: the RFI's public state (schema {@code rfi.v1.json}), with the
 * window both as instants and as the calendar days the buyer wrote ({@code firstDay}, {@code lastDay}).
 */
public record RfiEventData(UUID id, UUID challengeId, UUID ownerOrgId, String ownerOrgName, String title,
        String description, String municipalityCode, String status, OffsetDateTime opensAt, OffsetDateTime closesAt,
        String timeZone, List<QuestionData> questions, List<CriterionData> criteria, long version, int amendments,
        Amendment lastAmendment, String cancellationReason, OffsetDateTime publishedAt, OffsetDateTime openedAt,
        OffsetDateTime closedAt, OffsetDateTime cancelledAt, OffsetDateTime evaluatedAt, LocalDate firstDay,
        LocalDate lastDay) {

    /** The amendment an {@code amended} event announces. */
    public record Amendment(int number, OffsetDateTime at, List<String> fields, String note) {
    }
}
