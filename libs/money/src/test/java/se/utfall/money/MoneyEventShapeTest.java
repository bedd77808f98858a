package se.utfall.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import se.utfall.events.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/** Money is the v1 events' money as it was released: {@code $defs/moneyOrNull} of challenge.v1. */
class MoneyEventShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void moneyIsWhatTheReleasedEventSchemaDescribes() {
        JsonNode moneyOrNull = EventSchemas.rawSchema("challenge.v1.json").orElseThrow()
                .path("$defs").path("moneyOrNull");
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(moneyOrNull);
        for (Money m : new Money[] {Money.sek("560000"), Money.sek("0"), Money.of("9999999999999.99", "EUR")}) {
            assertThat(schema.validate(JSON.valueToTree(m))).as(m.text()).isEmpty();
        }
        JsonNode outcome = EventSchemas.rawSchema("response-outcome.v1.json").orElseThrow()
                .path("properties").path("estimatedAnnualCost");
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(outcome)
                .validate(JSON.valueToTree(Money.sek("9500000")))).isEmpty();
    }
}
