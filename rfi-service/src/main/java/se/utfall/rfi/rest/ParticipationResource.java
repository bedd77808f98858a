package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import se.utfall.rfi.api.DeliverableRequest;
import se.utfall.rfi.api.ParticipationView;
import se.utfall.rfi.api.ScoresRequest;
import se.utfall.rfi.service.ProcurementService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/participations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procurements")
public class ParticipationResource {
    private final ProcurementService service;
    private final Caller caller;

    public ParticipationResource(ProcurementService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getParticipation", summary = "A supplier in a phase: for its lead and accepted"
            + " consortium members (the outcome and feedback once the gate is decided), and for the buyers with"
            + " the scores; 404 for anyone else")
    @ETagged
    @APIResponseSchema(value = ParticipationView.class, responseCode = "200", responseDescription = "The supplier")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.participation(id, caller.actor()).map(ParticipationResource::ok);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "acceptPhaseInvitation", summary = "Accept the invitation to a phase (the lead, once,"
            + " before the phase closes)", description = "409 `invitation-answered` the second time, `phase-closed`"
            + " after the close; 403 for a consortium member (the lead answers); 404 for anyone else.")
    @ETagged
    @APIResponseSchema(value = ParticipationView.class, responseCode = "200", responseDescription = "Accepted")
    public Uni<Response> accept(@PathParam("id") UUID id) {
        return service.answer(id, true, caller.actor()).map(ParticipationResource::ok);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "declinePhaseInvitation", summary = "Decline the invitation to a phase (the lead, once)")
    @ETagged
    @APIResponseSchema(value = ParticipationView.class, responseCode = "200", responseDescription = "Declined")
    public Uni<Response> decline(@PathParam("id") UUID id) {
        return service.answer(id, false, caller.actor()).map(ParticipationResource::ok);
    }

    @PUT
    @Path("/{id}/deliverable")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "handInDeliverable", summary = "Hand in (or replace) the phase's deliverable, within the"
            + " phase's window", description = "Only the buyer and co-buyers read it. 409 `phase-not-open` before"
            + " the window, `phase-closed` at and after its close (Europe/Stockholm, the server's clock),"
            + " `not-accepted` before the invitation is accepted. If-Match is optional (the participation's ETag).")
    @ETagged
    @APIResponseSchema(value = ParticipationView.class, responseCode = "200", responseDescription = "Handed in")
    public Uni<Response> deliver(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid DeliverableRequest request,
            @Parameter(description = "ETag of the participation you read")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.deliver(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(ParticipationResource::ok);
    }

    @PUT
    @Path("/{id}/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "scoreDeliverable", summary = "Give your scores (0–5 per criterion of the phase) to a"
            + " supplier's deliverable, between the phase's close and its gate; buyers and co-buyers evaluate",
            description = "Replaces the scores you gave before; changing them needs If-Match with their ETag (from"
                    + " the answer to your previous scores).")
    @ETagged("The ETag of your scores, for If-Match")
    @APIResponseSchema(value = ParticipationView.class, responseCode = "200",
            responseDescription = "The supplier with every evaluator's scores")
    public Uni<Response> score(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ScoresRequest request,
            @Parameter(description = "ETag of your scores, when you change them")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.score(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(scored -> Response
                .ok(scored.view()).tag(ETags.entityTag(scored.etag())).build());
    }

    private static Response ok(ParticipationView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
