package se.utfall.rfi.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The service's API description; the bearer scheme and the server come from utfall-web's defaults. */
@OpenAPIDefinition(info = @Info(title = "Utfall rfi-service", version = "v1",
        description = "Requests for Information on published challenges: windows in Swedish time, questions,"
                + " evaluation criteria and amendments. Errors are RFC 9457 application/problem+json. Events: see"
                + " the AsyncAPI document in docs/asyncapi.yaml."))
public class OpenApiDefinition extends Application {
}
