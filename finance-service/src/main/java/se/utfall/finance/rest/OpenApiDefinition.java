package se.utfall.finance.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The service's API description; the bearer scheme and the server come from utfall-web's defaults. */
@OpenAPIDefinition(info = @Info(title = "Utfall finance-service", version = "v1",
        description = "Outcome-based financing: investors and their mandates, investment cases for shortlisted"
                + " responses, commitments that never exceed the capital required, and fit both ways with reasons"
                + " in English and Swedish. Money is exact: two decimals, ISO 4217 currency. Errors are RFC 9457"
                + " application/problem+json. Events: see the AsyncAPI document in docs/asyncapi.yaml."))
public class OpenApiDefinition extends Application {
}
