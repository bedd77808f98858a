package se.utfall.finance.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.audit.HistoryEntry;
import se.utfall.finance.api.CaseFitView;
import se.utfall.finance.api.CaseRequest;
import se.utfall.finance.api.CaseView;
import se.utfall.finance.api.CommitmentRequest;
import se.utfall.finance.api.ClaimRequest;
import se.utfall.finance.api.ClaimView;
import se.utfall.finance.api.CommitmentView;
import se.utfall.finance.api.CaseSummaryView;
import se.utfall.finance.api.SavingsRequest;
import se.utfall.finance.api.SavingsView;
import se.utfall.finance.api.PaymentView;
import se.utfall.finance.api.InvestorFitView;
import se.utfall.finance.api.ScenarioRequest;
import se.utfall.finance.api.ScenarioView;
import se.utfall.finance.domain.CaseStatus;
import se.utfall.finance.service.CaseService;
import se.utfall.finance.service.CommitmentService;
import se.utfall.finance.service.ClaimService;
import se.utfall.finance.service.ScenarioService;
import se.utfall.finance.service.SummaryService;
import se.utfall.web.http.EnumFilter;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Investment cases", description = "Capital sought up front for a shortlisted response, paid back by"
        + " verified outcomes")
public class CaseResource {
    private final CaseService cases;
    private final CommitmentService commitments;
    private final ScenarioService scenarios;
    private final ClaimService claims;
    private final SummaryService summaries;
    private final Caller caller;

    public CaseResource(CaseService cases, CommitmentService commitments, ScenarioService scenarios,
            ClaimService claims, SummaryService summaries, Caller caller) {
        this.cases = cases;
        this.commitments = commitments;
        this.scenarios = scenarios;
        this.claims = claims;
        this.summaries = summaries;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INNOVATOR})
    @Operation(operationId = "submitClaim", summary = "Claim the outcomes achieved in a period",
            description = "By the provider, with references to the evidence; one live claim per period (409"
                    + " claimed-already), a disputed period may be claimed again.")
    @APIResponseSchema(value = ClaimView.class, responseCode = "201", responseDescription = "Submitted")
    public Uni<Response> claim(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ClaimRequest request) {
        return claims.claim(id, request, caller.actor()).map(view -> Response.status(201).entity(view)
                .tag(ETags.entityTag(view.version())).build());
    }

    @GET
    @Path("/{id}/claims")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listClaims", summary = "A contracted case's claims, with the verifier's decisions",
            description = "For the payer, whoever opened the case, the provider, the verifier and coordinators.")
    public Uni<List<ClaimView>> claims(@PathParam("id") UUID id) {
        return claims.claims(id, caller.actor(), caller.hasRole(Roles.COORDINATOR));
    }

    @GET
    @Path("/{id}/payments")
    @RolesAllowed({Roles.BUYER, Roles.INNOVATOR, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listPayments", summary = "The payments due for validated claims and terminations,"
            + " and where they go")
    public Uni<List<PaymentView>> payments(@PathParam("id") UUID id) {
        return claims.payments(id, caller.actor(), caller.hasRole(Roles.COORDINATOR));
    }

    @GET
    @Path("/{id}/summary")
    @PermitAll
    @Operation(operationId = "getCaseSummary", summary = "What a case has come to",
            description = "Committed, paid, the caps left, each outcome goal's verified result against its baseline"
                    + " and target, the savings ledger summed and the buyer's net position: for anyone as the"
                    + " contract's disclosure allows. Its parties also see the investors' positions with multiple and"
                    + " IRR (an investor its own).")
    public Uni<CaseSummaryView> summary(@PathParam("id") UUID id) {
        return summaries.summary(id, caller.reader(), caller.hasRole(Roles.COORDINATOR));
    }

    @GET
    @Path("/{id}/indigo")
    @PermitAll
    @Operation(operationId = "getCaseIndigo", summary = "The contract as an INDIGO project document",
            description = "The Government Outcomes Lab's INDIGO data standard: outcome metrics, pricing, the payers'"
                    + " commitments, payments, investments per tranche (never who), results, linked to the RFI's"
                    + " OCDS ocid; per-field status from the contract's disclosure. 404 before a contract is signed.")
    @APIResponse(responseCode = "200", description = "The INDIGO project",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "An INDIGO project document")))
    public Uni<ObjectNode> indigo(@PathParam("id") UUID id) {
        return summaries.indigo(id);
    }

    @POST
    @Path("/{id}/savings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER})
    @Operation(operationId = "recordSavings", summary = "Record a line of the savings ledger",
            description = "By the payer, once per outcome goal and payment period (409 recorded-already): the cost"
                    + " without and with the new solution, the counterfactual's method and source, deadweight,"
                    + " attribution, the cashable share and whose budget it lands in.")
    @APIResponseSchema(value = SavingsView.class, responseCode = "201", responseDescription = "Recorded")
    public Uni<Response> recordSavings(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid SavingsRequest request) {
        return summaries.record(id, request, caller.actor()).map(v -> Response.status(201).entity(v).build());
    }

    @GET
    @Path("/{id}/savings")
    @PermitAll
    @Operation(operationId = "listSavings", summary = "The savings ledger",
            description = "For the parties, and for anyone when the contract publishes its savings.")
    public Uni<List<SavingsView>> savings(@PathParam("id") UUID id) {
        return summaries.savings(id, caller.reader(), caller.hasRole(Roles.COORDINATOR));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "openCase", summary = "Open an investment case for a shortlisted response",
            description = "By a buyer of the challenge or a coordinator. 409 not-yet-known when the decision has not"
                    + " arrived from rfi-service yet (Retry-After); 422 when the response was not shortlisted.")
    @ETagged
    @Created(location = "The case")
    @APIResponseSchema(value = CaseView.class, responseCode = "201", responseDescription = "Opened")
    public Uni<Response> open(@NotNull(message = "a JSON body is required") @Valid CaseRequest request,
            UriInfo uri) {
        return cases.open(request, caller.actor(), caller.hasRole(Roles.COORDINATOR)).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/cases/{id}").build(view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCases", summary = "Investment cases, newest first (public aggregates)")
    public Uni<Page<CaseView>> list(@Parameter(description = "OPEN, FUNDED, CONTRACTED, …; any when absent")
            @QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        List<CaseStatus> asked = EnumFilter.parse("status", status == null ? List.of() : List.of(status),
                CaseStatus.class, EnumSet.allOf(CaseStatus.class));
        return cases.list(asked.isEmpty() ? null : asked.get(0), page);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCase", summary = "An investment case (public aggregates: never who committed what)")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case")
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cases.get(id).map(view -> ETags.conditionalRead(view, view.version(), ifNoneMatch, true));
    }

    @GET
    @Path("/recommended")
    @RolesAllowed({Roles.INVESTOR})
    @Operation(operationId = "recommendCases", summary = "Open cases ranked for your mandate, with the reasons",
            description = "Those your mandate can take (region, ticket) first, then by score; each criterion says"
                    + " why it matched or not, in English and Swedish.")
    public Uni<List<CaseFitView>> recommended(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return cases.recommended(caller.actor(), limit);
    }

    @GET
    @Path("/{id}/investors")
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "recommendInvestors", summary = "Investors ranked for a case, with the reasons",
            description = "For the case's buyer, whoever opened it and coordinators; the mandates' terms stay their"
                    + " investors'.")
    public Uni<List<InvestorFitView>> investors(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return cases.investorsFor(id, caller.actor(), caller.hasRole(Roles.COORDINATOR), limit);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "getCaseHistory", summary = "The case's audit history, for those who manage it")
    public Uni<Page<HistoryEntry>> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return cases.history(id, caller.actor(), caller.hasRole(Roles.COORDINATOR), page);
    }

    @POST
    @Path("/{id}/scenarios")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "previewScenarios", summary = "Every party's cash position under outcome paths",
            description = "A draft rate card (price per verified unit of each outcome goal, caps, payers) and up to"
                    + " three paths (low, expected, high) played period by period through the payment engine and the"
                    + " waterfall with the case's active commitments. Changes nothing; for those who manage the"
                    + " case.")
    @APIResponseSchema(value = ScenarioView.class, responseCode = "200", responseDescription = "The paths' results")
    public Uni<ScenarioView> scenarios(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ScenarioRequest request) {
        return scenarios.preview(id, request, caller.actor(), caller.hasRole(Roles.COORDINATOR));
    }

    @POST
    @Path("/{id}/commitments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INVESTOR})
    @Operation(operationId = "commitToCase", summary = "Commit an amount to an open case",
            description = "Within your mandate's ticket (422 otherwise), never beyond what is still sought (409"
                    + " over-committed); the commitment that reaches the capital required funds the case.")
    @ETagged
    @Created(location = "The commitment")
    @APIResponseSchema(value = CommitmentView.class, responseCode = "201", responseDescription = "Committed")
    public Uni<Response> commit(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid CommitmentRequest request, UriInfo uri) {
        return commitments.commit(id, request, caller.actor()).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/commitments/{id}").build(view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
    @Path("/{id}/commitments")
    @RolesAllowed({Roles.INVESTOR, Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listCaseCommitments", summary = "A case's commitments",
            description = "Every one for those who manage the case; an investor sees its own only.")
    public Uni<Page<CommitmentView>> commitments(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return commitments.ofCase(id, caller.actor(), caller.hasRole(Roles.COORDINATOR), page);
    }
}
