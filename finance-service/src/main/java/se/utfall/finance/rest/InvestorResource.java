package se.utfall.finance.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.finance.api.InvestorView;
import se.utfall.finance.api.MandateRequest;
import se.utfall.finance.service.InvestorService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

@RunsToCompletion
@Path("/api/v1/investors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Investors", description = "Investor organisations and their mandates")
public class InvestorResource {
    private final InvestorService service;
    private final Caller caller;

    public InvestorResource(InvestorService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.INVESTOR})
    @Operation(operationId = "getMyMandate", summary = "Your organisation's mandate")
    @ETagged
    @APIResponseSchema(value = InvestorView.class, responseCode = "200", responseDescription = "The mandate")
    public Uni<Response> mine() {
        return service.mine(caller.actor()).map(InvestorResource::ok);
    }

    @PUT
    @Path("/mine")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INVESTOR})
    @Operation(operationId = "saveMyMandate", summary = "Create or replace your organisation's mandate",
            description = "Sectors, SDG targets, municipalities or national, the ticket range, instruments, the"
                    + " expected return and the loss it can bear. The first save creates it (201); later ones need"
                    + " If-Match with the version you read (428 without, 412 when stale). Only your organisation"
                    + " sees it; buyers see how it fits their case, not its terms.")
    @ETagged
    @Created(location = "The mandate")
    @APIResponseSchema(value = InvestorView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvestorView.class)))
    public Uni<Response> save(@NotNull(message = "a JSON body is required") @Valid MandateRequest request,
            @Parameter(description = "ETag of the version you read; required once the mandate exists")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UriInfo uri) {
        return service.save(request, ETags.ifMatch(ifMatch), caller.actor()).map(saved -> saved.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/investors/mine").build())
                        .tag(ETags.entityTag(saved.view().version())).entity(saved.view()).build()
                : ok(saved.view()));
    }

    private static Response ok(InvestorView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
