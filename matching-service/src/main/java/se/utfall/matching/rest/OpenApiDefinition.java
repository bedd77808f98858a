package se.utfall.matching.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The service's API description; the bearer scheme and the server come from utfall-web's defaults. */
@OpenAPIDefinition(info = @Info(title = "Utfall matching-service", version = "v1",
        description = "Explainable matching of innovators and public needs: innovator profiles, the need index learnt"
                + " from challenge and RFI events, recommendations both ways with their reasons in Swedish or"
                + " English, consortium suggestions for place-bound needs, buyers' feedback. Errors are RFC 9457"
                + " application/problem+json. Events: see the AsyncAPI document in docs/asyncapi.yaml."))
public class OpenApiDefinition extends Application {
}
