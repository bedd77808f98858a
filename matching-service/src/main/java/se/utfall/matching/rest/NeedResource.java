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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
import se.utfall.web.http.RunsToCompletion;
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
            description = "Your organisation's judgement, kept with the score and rank the profile had; saying it"
                    + " again replaces it.")
    public Uni<FeedbackView> giveFeedback(@PathParam("id") UUID id, @PathParam("profileId") UUID profileId,
            @NotNull(message = "a JSON body is required") @Valid FeedbackRequest request) {
        return feedback.give(id, profileId, request, Viewer.of(caller));
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listFeedback", summary = "Your organisation's judgements on a need's recommendations")
    public Uni<List<FeedbackView>> listFeedback(@PathParam("id") UUID id) {
        return feedback.list(id, Viewer.of(caller));
    }

    static String language(String lang, String acceptLanguage) {
        return Explanations.language(lang, acceptLanguage);
    }
}
