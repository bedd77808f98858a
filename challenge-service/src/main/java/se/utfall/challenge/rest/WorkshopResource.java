package se.utfall.challenge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.challenge.api.ContributionRequest;
import se.utfall.challenge.api.ContributionView;
import se.utfall.challenge.api.RegistrationRequest;
import se.utfall.challenge.api.RegistrationView;
import se.utfall.challenge.api.WorkshopCancellation;
import se.utfall.challenge.api.WorkshopRequest;
import se.utfall.challenge.api.WorkshopView;
import se.utfall.challenge.service.ContributionService;
import se.utfall.challenge.service.RegistrationService;
import se.utfall.challenge.service.WorkshopService;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.http.ETags;
import se.utfall.web.http.Tagged;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/workshops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops", description = "Workshops where stakeholders help understand a need")
public class WorkshopResource {
    private final WorkshopService service;
    private final RegistrationService registrations;
    private final ContributionService contributions;
    private final Caller caller;

    public WorkshopResource(WorkshopService service, RegistrationService registrations,
            ContributionService contributions, Caller caller) {
        this.service = service;
        this.registrations = registrations;
        this.contributions = contributions;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getWorkshop", summary = "One workshop, with seats left")
    @APIResponseSchema(value = WorkshopView.class, responseCode = "200",
            responseDescription = "The workshop, as you may see it")
    public Uni<Response> get(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean anonymous = caller.isAnonymous();
        return service.get(id, caller.reader())
                .map(read -> ETags.conditionalRead(read.body(), read.tag(), ifNoneMatch, anonymous));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateWorkshop",
            summary = "Change a workshop before it starts (the challenge's owner); announced to everyone",
            description = "Requires If-Match. The capacity cannot go below the organisations already registered.")
    @ETagged
    @APIResponseSchema(value = WorkshopView.class, responseCode = "200", responseDescription = "The workshop")
    public Uni<Response> update(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid WorkshopRequest request,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(WorkshopResource::ok);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "cancelWorkshop",
            summary = "Cancel a workshop before it starts (the challenge's owner); the reason is announced",
            description = "Requires If-Match. Registrations stay recorded; registration closes.")
    @ETagged
    @APIResponseSchema(value = WorkshopView.class, responseCode = "200", responseDescription = "The cancelled workshop")
    public Uni<Response> cancelWorkshop(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body with the reason is required") @Valid WorkshopCancellation request,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.cancel(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(WorkshopResource::ok);
    }

    @GET
    @Path("/registered")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listMyWorkshops",
            summary = "The workshops your organisation is registered for, by start time, with their meeting links",
            description = "Paged: `page` from 0, `size` 20 by default and at most 100, with the `total`.")
    public Uni<Page<WorkshopView>> registered(@BeanParam @Valid PageRequest page) {
        return service.registeredFor(caller.actor(), page);
    }

    @GET
    @Path("/{id}/registrations/mine")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getMyWorkshopRegistration", summary = "Your organisation's registration (404: none)")
    public Uni<RegistrationView> myRegistration(@PathParam("id") UUID id) {
        return registrations.myRegistration(id, caller.actor());
    }

    @POST
    @Path("/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "registerForWorkshop",
            summary = "Register your organisation (one registration per organisation, within capacity)")
    @Created(location = "Your registration")
    @APIResponseSchema(value = RegistrationView.class, responseCode = "201", responseDescription = "Registered")
    @APIResponse(responseCode = "409",
            description = "Full, already registered, started, cancelled, or challenge not open")
    public Uni<Response> register(@PathParam("id") UUID id, @Valid RegistrationRequest request, UriInfo uri) {
        return registrations.register(id, request, caller.actor()).map(r -> Response.created(uri
                .getBaseUriBuilder().path("api/v1/workshops/{id}/registrations/mine").build(id)).entity(r).build());
    }

    @DELETE
    @Path("/{id}/registrations/mine")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "cancelWorkshopRegistration",
            summary = "Cancel your organisation's registration before the workshop starts")
    @APIResponse(responseCode = "204", description = "Cancelled; the seat is free again")
    public Uni<Response> cancel(@PathParam("id") UUID id) {
        return registrations.cancelRegistration(id, caller.actor()).map(x -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/registrations")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listWorkshopRegistrations",
            summary = "Registered organisations (the challenge owner only), in order of registration",
            description = "Paged: `page` from 0, `size` 20 by default and at most 100, with the `total`.")
    public Uni<Page<RegistrationView>> registrations(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return registrations.registrations(id, caller.actor(), page);
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
    @Created(location = "The contribution")
    @APIResponseSchema(value = ContributionView.class, responseCode = "201", responseDescription = "Recorded")
    public Uni<Response> contribute(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ContributionRequest request, UriInfo uri) {
        return contributions.contribute(id, request, caller.actor()).map(c -> Response.created(uri
                .getBaseUriBuilder().path("api/v1/workshops/{id}/contributions/{contributionId}").build(id, c.id()))
                .entity(c).build());
    }

    @GET
    @Path("/{id}/contributions/{contributionId}")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getWorkshopContribution", summary = "One contribution to a workshop")
    public Uni<ContributionView> contribution(@PathParam("id") UUID id,
            @PathParam("contributionId") UUID contributionId) {
        return contributions.contribution(id, contributionId, caller.reader());
    }

    @GET
    @Path("/{id}/contributions")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listWorkshopContributions",
            summary = "Contributions recorded for a workshop (buying organisations and registered participants)",
            description = "In the order recorded. Paged: `page` from 0, `size` 20 by default and at most 100, with"
                    + " the `total`.")
    public Uni<Page<ContributionView>> contributions(@PathParam("id") UUID id,
            @BeanParam @Valid PageRequest page) {
        return contributions.contributions(id, caller.reader(), page);
    }

    private static Response ok(Tagged<WorkshopView> view) {
        return Response.ok(view.body()).tag(ETags.entityTag(view.tag())).build();
    }
}
