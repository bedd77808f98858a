package se.utfall.matching.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.matching.api.ConsortiumView;
import se.utfall.matching.api.FeedbackRequest;
import se.utfall.matching.api.FeedbackView;
import se.utfall.matching.api.NeedView;
import se.utfall.matching.api.RecommendationView;
import se.utfall.matching.service.Explanations;
import se.utfall.matching.service.FeedbackService;
import se.utfall.matching.service.NeedService;
import se.utfall.matching.service.RecommendationService;
import se.utfall.matching.service.Viewer;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.List;
import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs", description = "Public needs (challenges and RFIs) and who could meet them")
public class NeedResource {
    private final NeedService needs;
    private final RecommendationService recommendations;
    private final FeedbackService feedback;
    private final Caller caller;

    public NeedResource(NeedService needs, RecommendationService recommendations, FeedbackService feedback,
            Caller caller) {
        this.needs = needs;
        this.recommendations = recommendations;
        this.feedback = feedback;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listNeeds", summary = "Needs the index knows, newest first",
            description = "Published challenges and RFIs on them, as their public events told. Open ones only unless"
                    + " open=false.")
    public Uni<Page<NeedView>> list(
            @Parameter(description = "Only open needs (default) or all") @QueryParam("open") Boolean open,
            @Parameter(description = "CHALLENGE or RFI") @QueryParam("kind")
            @Pattern(regexp = "CHALLENGE|RFI", message = "CHALLENGE or RFI") String kind,
            @Parameter(description = "Kommunkod") @QueryParam("municipality")
            @Pattern(regexp = "[0-9]{4}", message = "a kommunkod, four digits") String municipality,
            @Valid @BeanParam PageRequest page) {
        return needs.list(open, kind, municipality, page);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getNeed", summary = "A need in the index")
    public Uni<NeedView> get(@PathParam("id") UUID id) {
        return needs.get(id);
    }

    @GET
    @Path("/{id}/recommendations")
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "recommendInnovators", summary = "Innovators ranked for a need, with their reasons",
            description = "For buyers of the owning and co-buying organisations and coordinators; 404 for others."
                    + " Reasons in Swedish, or in English with lang=en or an Accept-Language that prefers English.")
    public Uni<List<RecommendationView>> recommendations(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit,
            @Parameter(description = "sv or en") @QueryParam("lang")
            @Pattern(regexp = "sv|en", message = "sv or en") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return recommendations.forNeed(id, limit, language(lang, acceptLanguage), Viewer.of(caller));
    }

    @GET
    @Path("/{id}/consortia")
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "suggestConsortia", summary = "Consortia of complementary local actors for a need",
            description = "For a need done on site (meals, transport, care, building): up to three small sets of"
                    + " providers who can be there and together cover more of the need than any alone, with what"
                    + " each brings. Empty for other needs.")
    public Uni<List<ConsortiumView>> consortia(@PathParam("id") UUID id,
            @Parameter(description = "sv or en") @QueryParam("lang")
            @Pattern(regexp = "sv|en", message = "sv or en") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return recommendations.consortia(id, language(lang, acceptLanguage), Viewer.of(caller));
    }

    @PUT
    @Path("/{id}/recommendations/{profileId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "giveFeedback", summary = "Mark a recommendation useful or not useful",
            description = "Your organisation's judgement, kept with the score and rank the profile had: `201` the"
                    + " first time; changing it needs `If-Match` with the ETag it answered (428 without, 412 when"
                    + " a colleague changed it meanwhile).")
    @ETagged
    @APIResponseSchema(value = FeedbackView.class, responseCode = "200", responseDescription = "The judgement, changed")
    @APIResponse(responseCode = "201", description = "The judgement, given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedbackView.class)))
    public Uni<Response> giveFeedback(@PathParam("id") UUID id, @PathParam("profileId") UUID profileId,
            @NotNull(message = "a JSON body is required") @Valid FeedbackRequest request,
            @Parameter(description = "ETag of the judgement you read, to change it")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return feedback.give(id, profileId, request, ETags.ifMatch(ifMatch), Viewer.of(caller))
                .map(saved -> Response
                .status(saved.created() ? 201 : 200).tag(ETags.entityTag(saved.view().version()))
                .entity(saved.view()).build());
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listFeedback", summary = "Your organisation's judgements on a need's recommendations",
            description = "Paged: `page` from 0, `size` 20 by default and at most 100, with the `total`.")
    public Uni<Page<FeedbackView>> listFeedback(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return feedback.list(id, Viewer.of(caller), page);
    }

    static String language(String lang, String acceptLanguage) {
        return Explanations.language(lang, acceptLanguage);
    }
}
