package se.utfall.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * Documents the error contract once for every operation: any 4XX or 5XX answer is an RFC 9457 problem document.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("outcomeGoals[0].targetDate")))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .examples(List.of("must be after the baseline date")));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .format("uri").examples(List.of("https://utfall.se/problems/validation-error")))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(fieldError)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            for (Map.Entry<String, String> range : Map.of("4XX", "The request was refused; see the problem",
                    "5XX", "A fault on our side; quote the incident id in detail").entrySet()) {
                if (op.getResponses() != null && op.getResponses().getAPIResponse(range.getKey()) == null) {
                    op.getResponses().addAPIResponse(range.getKey(), OASFactory.createAPIResponse()
                            .description(range.getValue())
                            .content(OASFactory.createContent().addMediaType("application/problem+json",
                                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)))));
                }
            }
        }));
    }
}
