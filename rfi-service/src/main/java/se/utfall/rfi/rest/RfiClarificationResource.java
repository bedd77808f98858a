package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.rfi.api.ClarificationRequest;
import se.utfall.rfi.api.ClarificationView;
import se.utfall.rfi.service.ClarificationService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/rfis/{rfiId}/clarifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clarifications", description = "Questions about an RFI, answered to everyone alike")
public class RfiClarificationResource {
    private final ClarificationService service;
    private final Caller caller;

    public RfiClarificationResource(ClarificationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INNOVATOR, Roles.COORDINATOR, Roles.INVESTOR})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "askClarification", summary = "Ask the buyer a question about an RFI, privately",
            description = "Only the answer is published, to everyone, without saying who asked. 409 once the RFI"
                    + " has closed.")
    @ETagged
    @APIResponseSchema(value = ClarificationView.class, responseCode = "201", responseDescription = "Asked")
    public Uni<Response> ask(@PathParam("rfiId") UUID rfiId,
            @NotNull(message = "a JSON body is required") @Valid ClarificationRequest request) {
        return service.ask(rfiId, request.question(), caller.actor()).map(view -> Response.status(201)
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
    @PermitAll
    @Operation(operationId = "listClarifications", summary = "An RFI's published clarifications, in order",
            description = "The buyer also sees unanswered questions; an asking organisation its own. Paged: `page`"
                    + " from 0, `size` 20 by default and at most 100, with the `total`.")
    public Uni<Page<ClarificationView>> list(@PathParam("rfiId") UUID rfiId,
            @BeanParam @Valid PageRequest page) {
        return service.list(rfiId, caller.reader(), page);
    }
}
