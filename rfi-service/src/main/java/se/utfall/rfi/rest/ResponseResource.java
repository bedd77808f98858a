package se.utfall.rfi.rest;

import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import se.utfall.rfi.api.DecisionRequest;
import se.utfall.rfi.api.EvaluationView;
import se.utfall.audit.HistoryEntry;
import se.utfall.rfi.api.ReceiptView;
import se.utfall.rfi.api.ResponseRequest;
import se.utfall.rfi.api.ResponseView;
import se.utfall.rfi.api.ScoresRequest;
import se.utfall.rfi.service.AttachmentService;
import se.utfall.rfi.service.EvaluationService;
import se.utfall.rfi.service.HistoryService;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.rfi.service.ResponseService;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Responses", description = "Answers to RFIs, by organisations alone or in consortia")
public class ResponseResource {
    private final ResponseService service;
    private final EvaluationService evaluation;
    private final AttachmentService attachments;
    private final HistoryService history;
    private final Caller caller;

    public ResponseResource(ResponseService service, EvaluationService evaluation, AttachmentService attachments,
            HistoryService history, Caller caller) {
        this.service = service;
        this.evaluation = evaluation;
        this.attachments = attachments;
        this.history = history;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listMyResponses", summary = "The responses your organisation leads or is an"
            + " accepted consortium member of, newest first",
            description = "Paged: `page` from 0, `size` 20 by default and at most 100, with the `total`.")
    public Uni<Page<ResponseView>> mine(@BeanParam @Valid PageRequest page) {
        return service.mine(caller.actor(), page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INNOVATOR, Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getResponse",
            summary = "Read a response: its organisation always, the buyer once it is submitted (404 otherwise)")
    @ETagged
    @APIResponseSchema(value = ResponseView.class, responseCode = "200", responseDescription = "The response")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id, caller.actor()).map(ResponseResource::ok);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateResponse", summary = "Replace your response's content before the close",
            description = "A submitted response is submitted again with the new content and a new receipt.")
    @ETagged
    @APIResponseSchema(value = ResponseView.class, responseCode = "200", responseDescription = "The response")
    public Uni<Response> update(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ResponseRequest request,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(id, request, ETags.ifMatch(ifMatch), caller.actor()).map(ResponseResource::ok);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "submitResponse", summary = "Submit before the close; the receipt hash is in the view",
            description = "422 names the required questions left unanswered; 409 rfi-closed at or after closesAt.")
    @ETagged
    @APIResponseSchema(value = ResponseView.class, responseCode = "200", responseDescription = "The response")
    public Uni<Response> submit(@PathParam("id") UUID id,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.submit(id, ETags.ifMatch(ifMatch), caller.actor()).map(ResponseResource::ok);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "withdrawResponse", summary = "Withdraw your response before the close")
    @ETagged
    @APIResponseSchema(value = ResponseView.class, responseCode = "200", responseDescription = "The response")
    public Uni<Response> withdraw(@PathParam("id") UUID id,
            @Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.withdraw(id, ETags.ifMatch(ifMatch), caller.actor()).map(ResponseResource::ok);
    }

    @GET
    @Path("/{id}/receipt")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getResponseReceipt",
            summary = "The receipt of your submission, checked against what is stored now")
    public Uni<ReceiptView> receipt(@PathParam("id") UUID id) {
        return service.receipt(id, caller.actor());
    }

    @PUT
    @Path("/{id}/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "scoreResponse", summary = "Give your scores (0–5 per criterion, with comments) to a"
            + " submitted response of your organisation's closed RFI; replaces the scores you gave before",
            description = "409 while the RFI is open or once its evaluation is completed. Changing scores you gave"
                    + " before needs If-Match with their ETag (from this answer or `GET /{id}/scores/mine`).")
    @ETagged("The ETag of your scores, for If-Match")
    @APIResponseSchema(value = EvaluationView.Row.class, responseCode = "200",
            responseDescription = "The response's evaluation row")
    public Uni<Response> score(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid ScoresRequest request,
            @Parameter(description = "ETag of your scores, when you change them")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return evaluation.score(id, request, ETags.ifMatch(ifMatch),
                caller.actor()).map(scored -> Response.ok(scored.row())
                .tag(ETags.entityTag(scored.etag())).build());
    }

    @GET
    @Path("/{id}/scores/mine")
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getMyScores", summary = "Your scores of a response under evaluation, as a body you"
            + " can change and send back")
    @ETagged("The ETag of your scores, for If-Match")
    @APIResponseSchema(value = ScoresRequest.class, responseCode = "200",
            responseDescription = "Your scores (none yet: an empty list)")
    public Uni<Response> myScores(@PathParam("id") UUID id) {
        return evaluation.ownScores(id, caller.actor()).map(own -> Response.ok(own.scores())
                .tag(ETags.entityTag(own.etag())).build());
    }

    @PUT
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BUYER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "decideResponse", summary = "Shortlist a submitted response or not, with the feedback"
            + " its organisation will read once the evaluation is completed",
            description = "Can be changed until the evaluation is completed. If-Match: the response's ETag.")
    public Uni<EvaluationView.Row> decide(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid DecisionRequest request,
            @Parameter(description = "ETag of the response version you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return evaluation.decide(id, request, ETags.ifMatch(ifMatch), caller.actor());
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "addAttachment", summary = "Attach a file to your response before the close",
            description = "The request body is the file's bytes (any Content-Type); the name comes from the"
                    + " `filename` query parameter. PDF, ODT, DOCX, PNG and JPEG are accepted, recognised by their"
                    + " content (415 otherwise). 413 over the per-file limit, 422 over the per-response limits. A"
                    + " submitted response is submitted again with a new receipt, which covers the file's SHA-256.")
    @ETagged("The response's version, for If-Match")
    @APIResponseSchema(value = ResponseView.class, responseCode = "201",
            responseDescription = "The response with the new attachment")
    @APIResponse(responseCode = "415", description = "Not a PDF, ODT, DOCX, PNG or JPEG file")
    @APIResponse(responseCode = "413", description = "The file is too large")
    public Uni<Response> addAttachment(@PathParam("id") UUID id,
            @Parameter(description = "The file's name, shown to the buyer") @QueryParam("filename") String filename,
            @Parameter(description = "ETag of the response version you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))) byte[] content) {
        return attachments.add(id, filename, content, ETags.ifMatch(ifMatch), caller.actor())
                .map(view -> Response.status(Response.Status.CREATED).entity(view)
                        .tag(ETags.entityTag(view.version())).build());
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.INNOVATOR, Roles.BUYER})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "downloadAttachment", summary = "Download an attachment: the respondent's"
            + " organisation always, the buyer once the response is submitted (404 otherwise)")
    @APIResponse(responseCode = "200", description = "The file, with its sniffed media type",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> downloadAttachment(@PathParam("id") UUID id,
            @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(id, attachmentId, caller.actor()).map(f -> Response.ok(f.content())
                .type(f.attachment().mediaType())
                .header("Content-Disposition", ContentDisposition.attachment(f.attachment().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .tag(new EntityTag(f.attachment().sha256())).build());
    }

    @DELETE
    @Path("/{id}/attachments/{attachmentId}")
    @RolesAllowed(Roles.INNOVATOR)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "removeAttachment", summary = "Remove an attachment from your response before the"
            + " close")
    @ETagged
    @APIResponseSchema(value = ResponseView.class, responseCode = "200",
            responseDescription = "The response without it")
    public Uni<Response> removeAttachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId,
            @Parameter(description = "ETag of the response version you read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return attachments.remove(id, attachmentId, ETags.ifMatch(ifMatch), caller.actor()).map(ResponseResource::ok);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.INNOVATOR, Roles.BUYER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getResponseHistory", summary = "A response's audit history, oldest first",
            description = "Its organisation sees its own actions; the buyer, once it is submitted, also who scored"
                    + " and decided. 404 for everyone else.")
    public Uni<Page<HistoryEntry>> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return history.ofResponse(id, caller.actor(), page);
    }

    private static Response ok(ResponseView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
