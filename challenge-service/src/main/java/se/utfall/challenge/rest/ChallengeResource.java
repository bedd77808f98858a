package se.utfall.challenge.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.audit.HistoryEntry;
import se.utfall.challenge.api.ChallengeRequest;
import se.utfall.challenge.api.ChallengeSummary;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.api.GoalResultsView;
import se.utfall.challenge.api.PhaseInput;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.ChallengeFilter;
import se.utfall.challenge.service.ChallengeReads;
import se.utfall.challenge.service.OutcomeResults;
import se.utfall.challenge.service.ChallengeService;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.http.ETags;
import se.utfall.web.http.EnumFilter;
import se.utfall.web.json.MergePatch;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.Problem;
import se.utfall.web.problem.ProblemException;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/challenges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Challenges", description = "Needs of real users that municipalities and regions want solved")
public class ChallengeResource {
    private final ChallengeService service;
    private final ChallengeReads reads;
    private final OutcomeResults outcomes;
    private final Caller caller;

    public ChallengeResource(ChallengeService service, ChallengeReads reads, OutcomeResults outcomes,
            Caller caller) {
        this.service = service;
        this.reads = reads;
        this.outcomes = outcomes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createChallenge", summary = "Define a new challenge (a draft owned by your organisation)")
    @ETagged
    @Created
    @APIResponseSchema(value = ChallengeView.class, responseCode = "201", responseDescription = "Created")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid ChallengeRequest request,
            UriInfo uri) {
        return service.create(request, caller.actor()).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/challenges/{id}").build(view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getChallenge",
            summary = "Read a challenge: published ones by anyone, drafts by their organisations")
    @APIResponseSchema(value = ChallengeView.class, responseCode = "200",
            responseDescription = "The challenge, as you may see it")
    public Uni<Response> get(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean anonymous = caller.isAnonymous();
        return reads.get(id, caller.reader())
                .map(read -> ETags.conditionalRead(read.body(), read.tag(), ifNoneMatch, anonymous));
    }

    @GET
    @Path("/{id}/outcome-results")
    @PermitAll
    @Operation(operationId = "getChallengeOutcomeResults",
            summary = "The challenge's outcome goals with their verified results",
            description = "Per outcome goal its baseline and target, the units independent verifiers validated under"
                    + " outcome contracts (learnt from finance-service's events) so far, and each period's result."
                    + " For whoever may read the challenge.")
    public Uni<GoalResultsView> outcomeResults(@PathParam("id") UUID id) {
        return outcomes.of(id, caller.reader());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateChallenge",
            summary = "Replace a challenge's content; a published challenge's change is a recorded amendment",
            description = "Requires If-Match with the ETag last read (412 when stale, 428 when missing). A body read"
                    + " with GET may be sent back: id, status, version, timestamps and other read-only fields are"
                    + " ignored. Every field left out becomes empty, lists and the process trail included; send"
                    + " goals and insights with their ids to keep them. To change some fields only, use PATCH.")
    @ETagged
    @APIResponseSchema(value = ChallengeView.class, responseCode = "200",
            responseDescription = "The challenge, as you may see it")
    public Uni<Response> update(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ChallengeRequest request,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(this::ok);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchChallenge",
            summary = "Change some fields of a challenge (JSON Merge Patch, RFC 7396)",
            description = "Send only what changes: a field with a value replaces it, null empties it, a field left out"
                    + " stays. Lists (goals, insights, process trail) are replaced whole. The result must meet every"
                    + " rule a full update meets. Requires If-Match with the ETag last read.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = ChallengeRequest.class)))
    @ETagged
    @APIResponseSchema(value = ChallengeView.class, responseCode = "200",
            responseDescription = "The challenge, as you may see it")
    public Uni<Response> patch(@PathParam("id") UUID id,
            @NotNull(message = "a JSON merge patch is required") JsonNode patch,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.patch(id, patch, ETags.ifMatch(ifMatch), caller.actor()).map(this::ok);
    }

    @PUT
    @Path("/{id}/process-trail")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateProcessTrail", summary = "Plan or record the dates of the process trail's phases",
            description = "Phases not listed keep their dates. Requires If-Match; on a published challenge the "
                    + "change is a recorded amendment.")
    @ETagged
    @APIResponseSchema(value = ChallengeView.class, responseCode = "200",
            responseDescription = "The challenge, as you may see it")
    public Uni<Response> updateProcessTrail(@PathParam("id") UUID id,
            @NotNull(message = "a JSON array of phases is required") @Size(max = 7)
            List<@NotNull @Valid PhaseInput> phases,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.updateProcessTrail(id, phases, ETags.ifMatch(ifMatch), caller.actor()).map(this::ok);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "publishChallenge",
            summary = "Publish a complete draft (problem statement and an outcome goal with baseline and target)")
    @APIResponse(responseCode = "422", description = "Not complete; errors[] lists what is missing")
    @ETagged
    @APIResponseSchema(value = ChallengeView.class, responseCode = "200",
            responseDescription = "The challenge, as you may see it")
    public Uni<Response> publish(@PathParam("id") UUID id,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.publish(id, ETags.ifMatch(ifMatch), caller.actor()).map(this::ok);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "closeChallenge", summary = "Close a published challenge")
    @ETagged
    @APIResponseSchema(value = ChallengeView.class, responseCode = "200",
            responseDescription = "The challenge, as you may see it")
    public Uni<Response> close(@PathParam("id") UUID id,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.close(id, ETags.ifMatch(ifMatch), caller.actor()).map(this::ok);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "archiveChallenge",
            summary = "Archive a closed challenge, or shelve a draft (which stays private)")
    @ETagged
    @APIResponseSchema(value = ChallengeView.class, responseCode = "200",
            responseDescription = "The challenge, as you may see it")
    public Uni<Response> archive(@PathParam("id") UUID id,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.archive(id, ETags.ifMatch(ifMatch), caller.actor()).map(this::ok);
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchChallenges", summary = "Search public challenges",
            description = "Free text matches title, summary and problem statement in Swedish and English.")
    public Uni<Page<ChallengeSummary>> list(
            @Parameter(description = "PUBLISHED (default), CLOSED or ARCHIVED; repeat for several")
            @QueryParam("status") List<String> status,
            @QueryParam("sector") @Size(max = 80) String sector,
            @Parameter(description = "Kommunkod, e.g. 2161") @QueryParam("municipality")
            @Pattern(regexp = "\\d{4}", message = "must be a 4-digit kommunkod") String municipality,
            @Parameter(description = "Free text, e.g. måltider äldre") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "relevance, publishedAt, -publishedAt, title, -title, updatedAt, -updatedAt")
            @QueryParam("sort") @DefaultValue("") String sort,
            @Valid @BeanParam PageRequest page) {
        List<ChallengeStatus> statuses = statuses(status, false);
        return service.listPublic(new ChallengeFilter(statuses, blankToNull(sector), municipality,
                q, sort(sort, q)), page);
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listMyChallenges", summary = "Your organisation's challenges, drafts included")
    public Uni<Page<ChallengeSummary>> mine(@QueryParam("status") List<String> status,
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @Valid @BeanParam PageRequest page) {
        return service.listMine(new ChallengeFilter(statuses(status, true), null, null, q,
                sort(sort, q)), caller.actor(), page);
    }

    @GET
    @Path("/{id}/history")
    @PermitAll
    @Operation(operationId = "getChallengeHistory",
            summary = "Who changed what and when, oldest first, a page at a time",
            description = "The buying organisations see every entry with who made it and each field's before and"
                    + " after; others see the public entries (from publication on): which fields changed and when.")
    public Uni<Page<HistoryEntry>> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.history(id, caller.reader(), page);
    }

    /** A text to erase from a challenge's history (GDPR art. 17), and why. */
    public record RedactionRequest(
            @NotBlank @Size(min = 3, max = 4000) String text,
            @NotBlank @Size(max = 2000)
            @Schema(examples = "Begäran om radering 2026-11-23, ärende 2026/118")
            String reason) {
    }

    /** How many history entries a redaction changed. */
    public record RedactionResult(int redactedEntries) {
    }

    @POST
    @Path("/{id}/history/redactions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "redactChallengeHistory",
            summary = "Erase a text from the stored history (admins; GDPR art. 17 requests)",
            description = "Every occurrence in the history's changes and notes, and in events not yet purged from"
                    + " the outbox, becomes [raderat]. The redaction is itself recorded, without the text.")
    public Uni<RedactionResult> redact(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid RedactionRequest request) {
        return service.redact(id, request.text(), request.reason(), caller.actor())
                .map(r -> new RedactionResult(r.entries()));
    }

    private Response ok(ChallengeView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    private static List<ChallengeStatus> statuses(List<String> raw, boolean draftsAllowed) {
        List<ChallengeStatus> asked = EnumFilter.parse("status", raw, ChallengeStatus.class, draftsAllowed
                ? EnumSet.allOf(ChallengeStatus.class) : EnumSet.complementOf(EnumSet.of(ChallengeStatus.DRAFT)));
        return asked.isEmpty() && !draftsAllowed ? List.of(ChallengeStatus.PUBLISHED) : asked;
    }

    private static ChallengeFilter.Sort sort(String raw, String q) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            return q != null && !q.isBlank() ? ChallengeFilter.Sort.RELEVANCE : ChallengeFilter.Sort.PUBLISHED_DESC;
        }
        return switch (s) {
            case "relevance" -> ChallengeFilter.Sort.RELEVANCE;
            case "publishedAt" -> ChallengeFilter.Sort.PUBLISHED_ASC;
            case "-publishedAt" -> ChallengeFilter.Sort.PUBLISHED_DESC;
            case "title" -> ChallengeFilter.Sort.TITLE_ASC;
            case "-title" -> ChallengeFilter.Sort.TITLE_DESC;
            case "updatedAt" -> ChallengeFilter.Sort.UPDATED_ASC;
            case "-updatedAt" -> ChallengeFilter.Sort.UPDATED_DESC;
            default -> throw ProblemException.badRequest("Unknown sort", List.of(new Problem.FieldError("sort",
                    "must be one of relevance, publishedAt, -publishedAt, title, -title, updatedAt, -updatedAt")));
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
