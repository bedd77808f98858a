package se.utfall.matching.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.matching.api.NeedRecommendationView;
import se.utfall.matching.service.RecommendationService;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;


@RunsToCompletion
@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Needs")
public class RecommendationResource {
    private final RecommendationService recommendations;
    private final Caller caller;

    public RecommendationResource(RecommendationService recommendations, Caller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.INNOVATOR})
    @Operation(operationId = "recommendNeeds", summary = "Open needs and RFIs ranked for your organisation's profile",
            description = "Every open need and RFI that fits, best first, paged (`page` from 0, `size` 20 by default,"
                    + " at most 100) with the `total`. RFIs your organisation has responded to (alone or in a"
                    + " consortium) are left out. 404 until your organisation has a profile.")
    public Uni<Page<NeedRecommendationView>> mine(@BeanParam @Valid PageRequest page,
            @Parameter(description = "sv or en") @QueryParam("lang")
            @Pattern(regexp = "sv|en", message = "sv or en") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return recommendations.forInnovator(caller.actor().requireOrganisation(), page,
                NeedResource.language(lang, acceptLanguage));
    }
}
