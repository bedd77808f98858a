package se.utfall.finance.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import se.utfall.finance.api.ClaimView;
import se.utfall.finance.api.DisputeRequest;
import se.utfall.finance.api.PaymentView;
import se.utfall.finance.service.ClaimService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims", description = "Outcome claims, decided by the contract's independent verifier")
public class ClaimResource {
    private final ClaimService service;
    private final Caller caller;

    public ClaimResource(ClaimService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/validate")
    @RolesAllowed({Roles.COORDINATOR})
    @Operation(operationId = "validateClaim", summary = "Validate a claim: the payment due is computed, once",
            description = "By the contract's verifier only. Units × price within every cap, shared among the payers"
                    + " and distributed through the waterfall; validating it again is 409 claim-decided.")
    @APIResponseSchema(value = PaymentView.class, responseCode = "200", responseDescription = "The payment due")
    public Uni<PaymentView> validate(@PathParam("id") UUID id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.validate(id, ETags.ifMatch(ifMatch), caller.actor());
    }

    @POST
    @Path("/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR})
    @Operation(operationId = "disputeClaim", summary = "Dispute a claim, with the reason")
    @ETagged
    @APIResponseSchema(value = ClaimView.class, responseCode = "200", responseDescription = "Disputed")
    public Uni<Response> dispute(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid DisputeRequest request,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.dispute(id, request.reason(), ETags.ifMatch(ifMatch), caller.actor())
                .map(view -> Response.ok(view).tag(ETags.entityTag(view.version())).build());
    }
}
