package se.utfall.finance.rest;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.finance.api.CommitmentView;
import se.utfall.finance.service.CommitmentService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commitments", description = "Investors' commitments to cases")
public class CommitmentResource {
    private final CommitmentService service;
    private final Caller caller;

    public CommitmentResource(CommitmentService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.INVESTOR})
    @Operation(operationId = "listMyCommitments", summary = "Your organisation's commitments, newest first")
    public Uni<Page<CommitmentView>> mine(@Valid @BeanParam PageRequest page) {
        return service.mine(caller.actor(), page);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.INVESTOR})
    @Operation(operationId = "withdrawCommitment", summary = "Withdraw your commitment while the case is open",
            description = "409 case-not-open once the case is funded.")
    @ETagged
    @APIResponseSchema(value = CommitmentView.class, responseCode = "200", responseDescription = "Withdrawn")
    public Uni<Response> withdraw(@PathParam("id") UUID id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.withdraw(id, ETags.ifMatch(ifMatch), caller.actor())
                .map(view -> Response.ok(view).tag(ETags.entityTag(view.version())).build());
    }
}
