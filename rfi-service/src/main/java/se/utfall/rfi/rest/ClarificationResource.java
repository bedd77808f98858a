package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.rfi.api.ClarificationAnswer;
import se.utfall.rfi.api.ClarificationView;
import se.utfall.rfi.service.ClarificationService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/clarifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clarifications", description = "Questions about an RFI, answered to everyone alike")
public class ClarificationResource {
    private final ClarificationService service;
    private final Caller caller;

    public ClarificationResource(ClarificationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "answerClarification",
            summary = "Answer and publish a clarification (the buyer of the RFI), rephrasing the question if needed")
    @ETagged
    @APIResponseSchema(value = ClarificationView.class, responseCode = "200", responseDescription = "Published")
    public Uni<Response> answer(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ClarificationAnswer answer,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.answer(id, answer, ETags.ifMatch(ifMatch), caller.actor())
                .map(view -> Response.ok(view).tag(ETags.entityTag(view.version())).build());
    }
}
