package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.rfi.api.InvitationRequest;
import se.utfall.rfi.api.MembershipView;
import se.utfall.rfi.service.ConsortiumService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * A response's consortium, for its lead (who invites and removes) and its members (who read it). Consortia form
 * by consent: only an invited organisation that accepted is a member.
 */
@RunsToCompletion
@Path("/api/v1/responses/{id}/consortium")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consortia", description = "Organisations answering an RFI together, each by its own consent")
public class ResponseConsortiumResource {
    private final ConsortiumService service;
    private final Caller caller;

    public ResponseConsortiumResource(ConsortiumService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "inviteConsortiumMember", summary = "Invite an organisation to your draft response's"
            + " consortium", description = "It becomes a member, and appears in the response's consortium, only"
            + " when it accepts. 409 when it is invited or a member already, or the response is not a draft.")
    @ETagged("The invitation's version, for If-Match")
    @Created(location = "The invitation")
    @APIResponseSchema(value = MembershipView.class, responseCode = "201", responseDescription = "The invitation")
    public Uni<Response> invite(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid InvitationRequest request, UriInfo uri) {
        return service.invite(id, request, caller.actor()).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/consortia/invitations/{id}").build(view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
        @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listConsortium", summary = "The consortium of a response: every invitation for its"
            + " lead, the members for a member (404 for everyone else)")
    public Uni<List<MembershipView>> consortium(@PathParam("id") UUID id) {
        return service.ofResponse(id, caller.actor());
    }

    @DELETE
    @Path("/{organisationId}")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "removeConsortiumMember", summary = "Remove a member, or withdraw an invitation,"
            + " before your response is submitted", description = "If-Match: the invitation's ETag.")
    @ETagged("The invitation's version, for If-Match")
    @APIResponseSchema(value = MembershipView.class, responseCode = "200",
            responseDescription = "The invitation, REMOVED")
    public Uni<Response> remove(@PathParam("id") UUID id, @PathParam("organisationId") UUID organisationId,
            @Parameter(description = "ETag of the invitation you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.remove(id, organisationId, ETags.ifMatch(ifMatch), caller.actor())
                .map(ResponseConsortiumResource::ok);
    }

    private static Response ok(MembershipView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
