package se.utfall.finance.rest;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.finance.api.ContractRequest;
import se.utfall.finance.api.ContractView;
import se.utfall.finance.api.TerminationRequest;
import se.utfall.finance.api.VariationRequest;
import se.utfall.finance.service.ContractService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/cases/{id}/contract")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcome contracts", description = "The terms a funded case is paid by: signed, varied, ended early")
public class ContractResource {
    private final ContractService contracts;
    private final Caller caller;

    public ContractResource(ContractService contracts, Caller caller) {
        this.contracts = contracts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER})
    @Operation(operationId = "signContract", summary = "Sign the outcome contract of a funded case",
            description = "By the buyer (the payer): the rate card, the payers, the investors' return cap, the base"
                    + " payment, the payment points, the termination rules, what is published and an independent"
                    + " verifier (none of the parties). The case becomes CONTRACTED; the terms are version 1.")
    @ETagged
    @APIResponseSchema(value = ContractView.class, responseCode = "201", responseDescription = "Signed")
    public Uni<Response> sign(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ContractRequest request) {
        return contracts.sign(id, request, caller.actor()).map(view -> Response.status(201).entity(view)
                .tag(ETags.entityTag(view.version())).build());
    }

    @GET
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.INVESTOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "getContract", summary = "The contract with the terms in force on a day",
            description = "For its parties (the payer, whoever opened the case, the provider, the verifier, its"
                    + " investors, coordinators): the terms in force on `at` (today when absent; the first version"
                    + " before it took effect) and every version with why and who approved it.")
    @ETagged
    @APIResponseSchema(value = ContractView.class, responseCode = "200", responseDescription = "The contract")
    public Uni<Response> get(@PathParam("id") UUID id, @Parameter(description = "A day, 2027-09-30")
            @QueryParam("at") String at) {
        return contracts.get(id, day(at), caller.actor(), caller.hasRole(Roles.COORDINATOR))
                .map(view -> Response.ok(view).tag(ETags.entityTag(view.version())).build());
    }

    @POST
    @Path("/variations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER})
    @Operation(operationId = "varyContract", summary = "Vary the contract from a date",
            description = "By the payer: the whole new terms, from `effectiveFrom` (today or later, after the last"
                    + " day of every period claimed so far), why; caps never below what is paid. Claims for periods"
                    + " ending before it are paid by the earlier terms.")
    @ETagged
    @APIResponseSchema(value = ContractView.class, responseCode = "200", responseDescription = "Varied")
    public Uni<Response> vary(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid VariationRequest request,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return contracts.vary(id, request, ETags.ifMatch(ifMatch), caller.actor())
                .map(view -> Response.ok(view).tag(ETags.entityTag(view.version())).build());
    }

    @POST
    @Path("/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER})
    @Operation(operationId = "terminateContract", summary = "End the contract early",
            description = "By the payer, with the trigger and why; not while a claim awaits the verifier (409"
                    + " claim-pending). The compensation the terms name for the trigger is paid within the caps and"
                    + " distributed through the waterfall; the case becomes TERMINATED.")
    @ETagged
    @APIResponseSchema(value = ContractView.class, responseCode = "200", responseDescription = "Terminated")
    public Uni<Response> terminate(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid TerminationRequest request,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return contracts.terminate(id, request, ETags.ifMatch(ifMatch), caller.actor())
                .map(view -> Response.ok(view).tag(ETags.entityTag(view.version())).build());
    }

    private static LocalDate day(String at) {
        try {
            return at == null || at.isBlank() ? null : LocalDate.parse(at);
        } catch (DateTimeParseException e) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "The query has invalid parameters",
                    List.of(new RuleViolation.FieldProblem("at", "must be a date, 2027-09-30")));
        }
    }
}
