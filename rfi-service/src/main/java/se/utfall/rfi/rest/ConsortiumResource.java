package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import se.utfall.rfi.api.MembershipView;
import se.utfall.rfi.service.ConsortiumService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

/**
 * Invitations to consortia, for the invited organisation: it accepts or declines, and a member may leave, while
 * the response is a draft and the RFI open. The lead invites and removes through
 * {@link ResponseConsortiumResource}.
 */
@RunsToCompletion
@Path("/api/v1/consortia/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consortia", description = "Organisations answering an RFI together, each by its own consent")
public class ConsortiumResource {
    private final ConsortiumService service;
    private final Caller caller;

    public ConsortiumResource(ConsortiumService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listMyInvitations", summary = "Invitations to your organisation, newest first"
            + " (paged: page from 0, size 20 by default, at most 100; with the total)",
            description = "Open ones (INVITED) and what became of earlier ones.")
    public Uni<Page<MembershipView>> mine(@BeanParam @Valid PageRequest page) {
        return service.mine(caller.actor(), page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getInvitation", summary = "An invitation, for the invited organisation and the lead")
    @ETagged("The invitation's version, for If-Match")
    @APIResponseSchema(value = MembershipView.class, responseCode = "200", responseDescription = "The invitation")
    public Uni<Response> one(@PathParam("id") UUID id) {
        return service.one(id, caller.actor()).map(ConsortiumResource::ok);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "acceptInvitation", summary = "Join the consortium you were invited to",
            description = "Once, while the response is a draft and the RFI open; If-Match: the invitation's ETag.")
    @ETagged("The invitation's version, for If-Match")
    @APIResponseSchema(value = MembershipView.class, responseCode = "200",
            responseDescription = "The invitation, ACCEPTED")
    public Uni<Response> accept(@PathParam("id") UUID id,
            @Parameter(description = "ETag of the invitation you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.answer(id, true, ETags.ifMatch(ifMatch), caller.actor()).map(ConsortiumResource::ok);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "declineInvitation", summary = "Decline an invitation to a consortium",
            description = "Once; If-Match: the invitation's ETag.")
    @ETagged("The invitation's version, for If-Match")
    @APIResponseSchema(value = MembershipView.class, responseCode = "200",
            responseDescription = "The invitation, DECLINED")
    public Uni<Response> decline(@PathParam("id") UUID id,
            @Parameter(description = "ETag of the invitation you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.answer(id, false, ETags.ifMatch(ifMatch), caller.actor()).map(ConsortiumResource::ok);
    }

    @POST
    @Path("/{id}/leave")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "leaveConsortium", summary = "Leave a consortium before its response is submitted",
            description = "If-Match: the invitation's ETag.")
    @ETagged("The invitation's version, for If-Match")
    @APIResponseSchema(value = MembershipView.class, responseCode = "200", responseDescription = "The invitation, LEFT")
    public Uni<Response> leave(@PathParam("id") UUID id,
            @Parameter(description = "ETag of the invitation you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.leave(id, ETags.ifMatch(ifMatch), caller.actor()).map(ConsortiumResource::ok);
    }

    private static Response ok(MembershipView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
