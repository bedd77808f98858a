package se.utfall.rfi.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The answer to one question; a confidential one is for the buyer only. */
@Schema(name = "Answer")
public record AnswerView(UUID questionId, String text, BigDecimal number, List<String> choices,
        boolean confidential) {
}
