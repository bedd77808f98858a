package se.utfall.rfi.messaging;

import java.util.List;
import java.util.UUID;

/** A question as RFI events carry it (schema rfi.v1): its own record, so the event contract never follows
 * the domain. */
public record QuestionData(UUID id, String text, String type, boolean required, Integer maxLength,
        List<String> options) {
}
