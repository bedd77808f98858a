package se.utfall.rfi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.rfi.api.AmendmentView;
import se.utfall.audit.HistoryEntry;
import se.utfall.rfi.api.CancellationRequest;
import se.utfall.rfi.api.RfiRequest;
import se.utfall.rfi.api.RfiSummary;
import se.utfall.rfi.api.RfiView;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.domain.RfiFilter;
import se.utfall.rfi.service.HistoryService;
import se.utfall.rfi.service.OcdsService;
import se.utfall.rfi.service.RfiService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.EnumFilter;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.json.MergePatch;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.List;
import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/rfis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RFIs", description = "Requests for Information: the market and civil society asked how a need could"
        + " be met")
public class RfiResource {
    private static final List<RfiStatus> PUBLISHED = List.of(RfiStatus.SCHEDULED, RfiStatus.OPEN, RfiStatus.CLOSED,
            RfiStatus.EVALUATED, RfiStatus.CANCELLED);

    private final RfiService service;
    private final OcdsService ocds;
    private final HistoryService history;
    private final Caller caller;

    public RfiResource(RfiService service, OcdsService ocds, HistoryService history,
            Caller caller) {
        this.service = service;
        this.ocds = ocds;
        this.history = history;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createRfi", summary = "Draft an RFI on a published challenge your organisation buys",
            description = "403 when your organisation neither owns nor co-buys the challenge; 422 when the"
                    + " challenge is not published; 409 `not-yet-known` with `Retry-After` when rfi-service has not"
                    + " learnt of the challenge yet (it learns challenges from their events: one published a moment"
                    + " ago may take a second) — ask again after Retry-After.")
    @ETagged
    @Created
    @APIResponseSchema(value = RfiView.class, responseCode = "201", responseDescription = "Created")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid RfiRequest request,
            UriInfo uri) {
        return service.create(request, caller.actor()).map(view -> Response
                .created(uri.getBaseUriBuilder().path("api/v1/rfis/{id}").build(view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getRfi",
            summary = "Read an RFI: published ones by anyone, drafts by their organisation")
    @APIResponseSchema(value = RfiView.class, responseCode = "200", responseDescription = "The RFI")
    public Uni<Response> get(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        boolean anonymous = caller.isAnonymous();
        // Opening and closing change the version (the scheduler's write), so the tag follows acceptingResponses.
        return service.get(id, caller.reader())
                .map(view -> ETags.conditionalRead(view, view.version(), ifNoneMatch, anonymous));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateRfi", summary = "Replace a draft's content, or amend a published RFI",
            description = "Requires If-Match. An amendment is public and announced; the window may be extended,"
                    + " never shortened, and once it has opened the questions and criteria stay as they are (409)."
                    + " A body read with GET may be sent back with a change: read-only fields are ignored, and of an"
                    + " end given both as an instant and as a day, the one you changed counts.")
    @ETagged
    @APIResponseSchema(value = RfiView.class, responseCode = "200", responseDescription = "The RFI")
    public Uni<Response> update(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid RfiRequest request,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(RfiResource::ok);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "patchRfi", summary = "Change some fields of an RFI (JSON Merge Patch, RFC 7396)",
            description = "Send only what changes (`{\"lastDay\": \"2026-05-29\"}`): a field with a value replaces it,"
                    + " null empties it, a field left out stays; lists are replaced whole. The result meets every rule"
                    + " a PUT meets (an amendment once published). Requires If-Match with the ETag last read.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = RfiRequest.class)))
    @ETagged
    @APIResponseSchema(value = RfiView.class, responseCode = "200", responseDescription = "The RFI")
    public Uni<Response> patch(@PathParam("id") UUID id,
            @NotNull(message = "a JSON merge patch is required") JsonNode patch,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.patch(id, patch, ETags.ifMatch(ifMatch), caller.actor()).map(RfiResource::ok);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "publishRfi", summary = "Publish a complete draft: scheduled, or open if its window"
            + " has begun")
    @APIResponse(responseCode = "422", description = "Not complete; errors[] lists what is missing")
    @ETagged
    @APIResponseSchema(value = RfiView.class, responseCode = "200", responseDescription = "The RFI")
    public Uni<Response> publish(@PathParam("id") UUID id,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.publish(id, ETags.ifMatch(ifMatch), caller.actor()).map(RfiResource::ok);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "cancelRfi", summary = "Cancel an RFI before its window closes, with a public reason")
    @ETagged
    @APIResponseSchema(value = RfiView.class, responseCode = "200", responseDescription = "The RFI")
    public Uni<Response> cancel(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body with a reason is required") @Valid CancellationRequest request,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.cancel(id, request.reason(), ETags.ifMatch(ifMatch), caller.actor()).map(RfiResource::ok);
    }

    @GET
    @Path("/{id}/ocds")
    @PermitAll
    @Operation(operationId = "getRfiOcds", summary = "The RFI as an Open Contracting (OCDS 1.1) release package",
            description = "For every published RFI: tender with its period, enquiries (published clarifications,"
                    + " the enquiry extension) and amendments; planning from the challenge (rationale, budget, public"
                    + " need insights); buyer and parties. Nothing about respondents.")
    @APIResponse(responseCode = "200", description = "An OCDS release package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "OCDS 1.1 release package")))
    public Uni<ObjectNode> ocds(@PathParam("id") UUID id) {
        return ocds.releasePackage(id);
    }

    @GET
    @Path("/{id}/ocds/record")
    @PermitAll
    @Operation(operationId = "getRfiOcdsRecord", summary = "The RFI and its procurement as an OCDS 1.1 record package",
            description = "One record per contracting process (the RFI's ocid, the procurement's): its releases"
                    + " linked into the release package in date order, and the compiled release (the current"
                    + " state).")
    @APIResponse(responseCode = "200", description = "An OCDS record package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = "OCDS 1.1 record package")))
    public Uni<ObjectNode> ocdsRecord(@PathParam("id") UUID id) {
        return ocds.recordPackage(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getRfiHistory", summary = "The RFI's audit history for its organisation: who"
            + " drafted, changed, published, amended, cancelled and evaluated it, and when, oldest first")
    public Uni<Page<HistoryEntry>> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return history.ofRfi(id, caller.actor(), page);
    }

    @GET
    @Path("/{id}/amendments")
    @PermitAll
    @Operation(operationId = "getRfiAmendments", summary = "What was amended in a published RFI, and why, oldest"
            + " first")
    public Uni<Page<AmendmentView>> amendments(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.amendments(id, caller.reader(), page);
    }

    @GET
    @PermitAll
    @Operation(operationId = "searchRfis", summary = "Published RFIs, open ones and those that were",
            description = "Free text matches title and description in Swedish and English.")
    public Uni<Page<RfiSummary>> list(
            @Parameter(description = "SCHEDULED, OPEN, CLOSED, EVALUATED or CANCELLED; repeat or comma-separate")
            @QueryParam("status") List<String> status,
            @QueryParam("challenge") UUID challenge,
            @Parameter(description = "Kommunkod, e.g. 1270") @QueryParam("municipality")
            @Pattern(regexp = "\\d{4}", message = "must be a 4-digit kommunkod") String municipality,
            @Parameter(description = "Free text, e.g. barn unga") @QueryParam("q") @Size(max = 200) String q,
            @Valid @BeanParam PageRequest page) {
        return service.search(new RfiFilter(statuses(status, false), null, challenge, municipality, q), page);
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listMyRfis", summary = "Your organisation's RFIs, drafts included")
    public Uni<Page<RfiSummary>> mine(@QueryParam("status") List<String> status,
            @QueryParam("q") @Size(max = 200) String q, @Valid @BeanParam PageRequest page) {
        return service.search(new RfiFilter(statuses(status, true), caller.requireOrganisation(), null, null, q),
                page);
    }

    private static Response ok(RfiView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    private static List<RfiStatus> statuses(List<String> raw, boolean draftsAllowed) {
        List<RfiStatus> allowed = draftsAllowed ? List.of(RfiStatus.values()) : PUBLISHED;
        List<RfiStatus> asked = EnumFilter.parse("status", raw, RfiStatus.class, allowed);
        return asked.isEmpty() ? allowed : asked;
    }
}
