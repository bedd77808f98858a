package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.rfi.api.ResponseRequest;
import se.utfall.rfi.api.ResponseView;
import se.utfall.rfi.service.ResponseService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/rfis/{rfiId}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Responses", description = "Answers to RFIs, by organisations alone or in consortia")
public class RfiResponseResource {
    private final ResponseService service;
    private final Caller caller;

    public RfiResponseResource(ResponseService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createResponse", summary = "Start your organisation's response to an open RFI",
            description = "One response per organisation and RFI (409 for a second). 409 rfi-closed at or after"
                    + " closesAt, rfi-not-open before opensAt; nothing is stored then.")
    @ETagged
    @Created
    @APIResponseSchema(value = ResponseView.class, responseCode = "201", responseDescription = "Created (a draft)")
    public Uni<Response> create(@PathParam("rfiId") UUID rfiId,
            @NotNull(message = "a JSON body is required") @Valid ResponseRequest request, UriInfo uri) {
        return service.create(rfiId, request, caller.actor()).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/responses/{id}").build(view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listSubmittedResponses",
            summary = "The submitted responses to your organisation's RFI, in order of submission",
            description = "Paged: `page` from 0, `size` 20 by default and at most 100, with the `total`.")
    public Uni<Page<ResponseView>> submitted(@PathParam("rfiId") UUID rfiId, @BeanParam @Valid PageRequest page) {
        return service.submitted(rfiId, caller.actor(), page);
    }
}
