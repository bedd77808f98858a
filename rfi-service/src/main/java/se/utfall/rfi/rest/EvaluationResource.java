package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.rfi.api.EvaluationView;
import se.utfall.rfi.service.EvaluationService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/rfis/{rfiId}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluation", description = "Scoring and deciding on the responses to a closed RFI, by its buyer")
public class EvaluationResource {
    private final EvaluationService service;
    private final Caller caller;

    public EvaluationResource(EvaluationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getEvaluation", summary = "The submitted responses side by side: weighted totals,"
            + " scores per criterion and evaluator, estimated cost against the baseline, consortium, decisions")
    public Uni<EvaluationView> summary(@PathParam("rfiId") UUID rfiId) {
        return service.summary(rfiId, caller.actor());
    }

    @POST
    @Path("/complete")
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "completeEvaluation", summary = "Make the decisions final: the RFI becomes EVALUATED"
            + " and every respondent can read its decision and feedback",
            description = "Needs a decision on every submitted response (422 lists the missing ones) and the RFI's"
                    + " current ETag.")
    @APIResponseSchema(value = EvaluationView.class, responseCode = "200",
            responseDescription = "The evaluation, completed")
    @APIResponse(responseCode = "422", description = "A submitted response has no decision yet")
    @APIResponse(responseCode = "409", description = "The RFI is not CLOSED (still open, or already evaluated)")
    public Uni<EvaluationView> complete(@PathParam("rfiId") UUID rfiId,
            @Parameter(description = "ETag of the RFI version you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.complete(rfiId, ETags.ifMatch(ifMatch), caller.actor());
    }
}
