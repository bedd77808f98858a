package se.utfall.rfi.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(description = "A published amendment: when, which fields, why, and each field's before and after")
public record AmendmentView(int number, OffsetDateTime at, List<String> fields, String note, JsonNode changes) {
}
