package se.utfall.challenge.rest;

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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.challenge.api.WorkshopRequest;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.challenge.service.WorkshopService;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.http.ETags;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

/** Workshops as a sub-collection of a challenge: scheduling and listing. */
@RunsToCompletion
@Path("/api/v1/challenges/{challengeId}/workshops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops")
public class ChallengeWorkshopResource {
    private final WorkshopService service;
    private final Caller caller;

    public ChallengeWorkshopResource(WorkshopService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "scheduleWorkshop", summary = "Schedule a workshop for your published challenge")
    @ETagged
    @Created
    @APIResponseSchema(value = WorkshopView.class, responseCode = "201", responseDescription = "Scheduled")
    public Uni<Response> schedule(@PathParam("challengeId") UUID challengeId,
            @NotNull(message = "a JSON body is required") @Valid WorkshopRequest request, UriInfo uri) {
        return service.schedule(challengeId, request, caller.actor()).map(w -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/workshops/{id}").build(w.body().id()))
                .tag(ETags.entityTag(w.tag())).entity(w.body()).build());
    }

    @GET
    @PermitAll
    @Operation(operationId = "listChallengeWorkshops", summary = "Workshops of a challenge, by start time",
            description = "Paged: `page` from 0, `size` 20 by default and at most 100, with the `total`.")
    public Uni<Page<WorkshopView>> list(@PathParam("challengeId") UUID challengeId,
            @BeanParam @Valid PageRequest page) {
        return service.list(challengeId, caller.reader(), page);
    }
}
