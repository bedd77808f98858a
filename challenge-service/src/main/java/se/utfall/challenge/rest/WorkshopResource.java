package se.utfall.challenge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.challenge.api.ContributionRequest;
import se.utfall.challenge.api.ContributionView;
import se.utfall.challenge.api.RegistrationRequest;
import se.utfall.challenge.api.RegistrationView;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.challenge.service.WorkshopService;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/workshops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops", description = "Workshops where stakeholders help understand a need")
public class WorkshopResource {
    private final WorkshopService service;
    private final Caller caller;

    public WorkshopResource(WorkshopService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getWorkshop", summary = "One workshop, with seats left")
    public Uni<WorkshopView> get(@PathParam("id") UUID id) {
        return service.get(id, caller.reader());
    }

    @POST
    @Path("/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "registerForWorkshop",
            summary = "Register your organisation (one registration per organisation, within capacity)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "409", description = "Full, already registered, started, or challenge not open")
    public Uni<Response> register(@PathParam("id") UUID id, @Valid RegistrationRequest request) {
        return service.register(id, request, caller.actor())
                .map(r -> Response.status(Response.Status.CREATED).entity(r).build());
    }

    @DELETE
    @Path("/{id}/registrations/mine")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "cancelWorkshopRegistration",
            summary = "Cancel your organisation's registration before the workshop starts")
    @APIResponse(responseCode = "204", description = "Cancelled; the seat is free again")
    public Uni<Response> cancel(@PathParam("id") UUID id) {
        return service.cancelRegistration(id, caller.actor()).map(x -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/registrations")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listWorkshopRegistrations",
            summary = "Registered organisations (the challenge owner only)")
    public Uni<List<RegistrationView>> registrations(@PathParam("id") UUID id) {
        return service.registrations(id, caller.actor());
    }

    @POST
    @Path("/{id}/contributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "contributeToWorkshop",
            summary = "Record your organisation's contribution, once the workshop has started",
            description = "For the buying organisations and the registered participants; the organisation is the"
                    + " caller's own.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContributionView.class)))
    public Uni<Response> contribute(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ContributionRequest request) {
        return service.contribute(id, request, caller.actor())
                .map(c -> Response.status(Response.Status.CREATED).entity(c).build());
    }

    @GET
    @Path("/{id}/contributions")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listWorkshopContributions",
            summary = "Contributions recorded for a workshop (buying organisations and registered participants)")
    public Uni<List<ContributionView>> contributions(@PathParam("id") UUID id) {
        return service.contributions(id, caller.reader());
    }
}
