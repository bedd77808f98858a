package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.rfi.api.AwardRequest;
import se.utfall.rfi.api.GateRequest;
import se.utfall.rfi.api.ParticipationView;
import se.utfall.rfi.api.PhaseContractRequest;
import se.utfall.rfi.api.ProcurementContractView;
import se.utfall.rfi.api.ProcurementRequest;
import se.utfall.rfi.api.ProcurementView;
import se.utfall.rfi.service.ProcurementService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.List;
import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/procurements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Procurements", description = "After an evaluated RFI: phases that down-select the shortlisted"
        + " suppliers (pre-commercial procurement, innovation partnership), gates, phase contracts and the award")
public class ProcurementResource {
    private final ProcurementService service;
    private final Caller caller;

    public ProcurementResource(ProcurementService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createProcurement", summary = "Begin a procurement after your organisation's evaluated"
            + " RFI: its phases, each with a budget, most suppliers, window, criteria and deliverables",
            description = "The RFI's shortlisted respondents are invited to phase 1 (which must take them all)."
                    + " 409 `rfi-not-evaluated` before the evaluation is completed, `procurement-exists` for a"
                    + " second one; 400 with the phases' problems (windows in order, maxima never growing, criteria"
                    + " weighing 100, one currency).")
    @ETagged
    @Created
    @APIResponseSchema(value = ProcurementView.class, responseCode = "201", responseDescription = "Created")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid ProcurementRequest request,
            UriInfo uri) {
        return service.create(request, caller.actor()).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/procurements/{id}").build(view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
    @PermitAll
    @Operation(operationId = "listProcurements", summary = "The procurement following an RFI (none or one)")
    public Uni<List<ProcurementView>> ofRfi(@NotNull(message = "give rfiId") @QueryParam("rfiId") UUID rfiId) {
        return service.ofRfi(rfiId, caller.reader());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getProcurement", summary = "A procurement: public, like its OCDS releases; its buyers"
            + " and suppliers also read the gates' reasons")
    @ETagged
    @APIResponseSchema(value = ProcurementView.class, responseCode = "200", responseDescription = "The procurement")
    public Uni<Response> get(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean anonymous = caller.isAnonymous();
        return service.get(id, caller.reader())
                .map(view -> ETags.conditionalRead(view, view.version(), ifNoneMatch, anonymous));
    }

    @GET
    @Path("/{id}/participations")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listParticipations", summary = "The suppliers in the procurement's phases that you may"
            + " see: all with their deliverables and scores for the buyer and co-buyers; your own for a supplier"
            + " (its lead and accepted consortium members); none for anyone else")
    public Uni<List<ParticipationView>> participations(@PathParam("id") UUID id) {
        return service.participations(id, caller.actor());
    }

    @POST
    @Path("/{id}/phases/{phase}/gate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "decideGate", summary = "Decide the gate after a phase that is not the last: who"
            + " continues (at most the next phase's maximum), feedback for everyone else, the reasons",
            description = "Needs the procurement's ETag: two buyers deciding at once leave one decision (the other"
                    + " gets 412). 409 `phase-open` before the phase's close, `gate-decided` for a decided gate,"
                    + " `last-phase` for the last (award it instead); 403 for a co-buyer (co-buyers evaluate).")
    @ETagged
    @APIResponse(responseCode = "412", description = "Someone decided or changed the procurement since you read it")
    @APIResponseSchema(value = ProcurementView.class, responseCode = "200", responseDescription = "The procurement")
    public Uni<Response> gate(@PathParam("id") UUID id, @PathParam("phase") int phase,
            @NotNull(message = "a JSON body is required") @Valid GateRequest request,
            @Parameter(description = "ETag of the procurement you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.gate(id, phase, request, ETags.ifMatch(ifMatch), caller.actor())
                .map(ProcurementResource::ok);
    }

    @POST
    @Path("/{id}/award")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "awardProcurement", summary = "After the last phase: award the contract to one or more"
            + " of its suppliers, with value and period; feedback for everyone else; the reasons",
            description = "Needs the procurement's ETag. The contracts are announced internally with the supplier,"
                    + " so an investment case can be linked to one.")
    @ETagged
    @APIResponseSchema(value = ProcurementView.class, responseCode = "200", responseDescription = "The procurement")
    public Uni<Response> award(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid AwardRequest request,
            @Parameter(description = "ETag of the procurement you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.award(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(ProcurementResource::ok);
    }

    @POST
    @Path("/{id}/phases/{phase}/contracts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "signPhaseContract", summary = "Record a supplier's contract for a phase",
            description = "The phase's contracts never add up to more than its budget, also when many arrive at"
                    + " once (409 `over-budget`, nothing recorded); one per supplier and phase (409"
                    + " `contract-exists`); until the phase's gate is decided.")
    @Created
    @APIResponseSchema(value = ProcurementContractView.class, responseCode = "201", responseDescription = "Recorded")
    public Uni<Response> contract(@PathParam("id") UUID id, @PathParam("phase") int phase,
            @NotNull(message = "a JSON body is required") @Valid PhaseContractRequest request, UriInfo uri) {
        return service.contract(id, phase, request, caller.actor()).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/procurements/{id}").build(id)).entity(view).build());
    }

    private static Response ok(ProcurementView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
