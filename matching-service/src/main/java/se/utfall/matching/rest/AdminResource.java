package se.utfall.matching.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.matching.service.FeedbackService;
import se.utfall.matching.service.IndexRebuild;
import se.utfall.matching.service.ProfileIndex;
import se.utfall.matching.service.Viewer;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.Map;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Operations", description = "Rebuilding the need index; exporting judgements")
public class AdminResource {
    private final IndexRebuild rebuild;
    private final FeedbackService feedback;
    private final ProfileIndex profiles;
    private final Caller caller;

    public AdminResource(IndexRebuild rebuild, FeedbackService feedback, ProfileIndex profiles, Caller caller) {
        this.rebuild = rebuild;
        this.profiles = profiles;
        this.feedback = feedback;
        this.caller = caller;
    }

    @POST
    @Path("/admin/need-index/rebuild")
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "rebuildNeedIndex", summary = "Wipe the need index and rebuild it from the topics",
            description = "Reads the challenge and RFI topics from their beginning, every partition, in the"
                    + " background; GET /api/v1/admin/need-index tells the progress. 409 while one runs.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndexRebuild.Status.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Path("/admin/need-index")
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "needIndexStatus", summary = "Where the last rebuild of the need index stands")
    public IndexRebuild.Status status() {
        return rebuild.status();
    }

    @GET
    @Path("/admin/profile-index")
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "profileIndexStatus", summary = "What this replica's in-memory profile index holds")
    public ProfileIndex.Info profileIndex() {
        return profiles.info();
    }

    @GET
    @Path("/feedback/export")
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "exportFeedback", summary = "Judgements of recommendations as an evaluation set",
            description = "The format evaluate.sh reads (needs, innovators, relevance; 'useful' is grade 2, an RFI"
                    + " response the buyer shortlisted grade 3, one not shortlisted grade 1), plus the ignored"
                    + " 'judgements' with the not-useful ones and comments. A buyer's own organisation's judgements"
                    + " and the decisions on its RFIs; a coordinator's all.")
    public Uni<Map<String, Object>> export() {
        Viewer viewer = Viewer.of(caller);
        if (!viewer.seesAll()) {
            caller.requireOrganisation();
        }
        return feedback.export(viewer);
    }
}
