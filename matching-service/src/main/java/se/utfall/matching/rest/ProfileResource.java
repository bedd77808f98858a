package se.utfall.matching.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.matching.api.ProfileRequest;
import se.utfall.matching.api.ProfileView;
import se.utfall.matching.service.ProfileIndex;
import se.utfall.matching.service.ProfileService;
import se.utfall.matching.service.Viewer;
import se.utfall.web.http.ETags;
import se.utfall.web.http.RunsToCompletion;
import se.utfall.web.openapi.Created;
import se.utfall.web.openapi.ETagged;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Caller;
import se.utfall.web.security.Roles;

import java.util.UUID;

@RunsToCompletion
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Profiles", description = "Innovators describe what they can do and where")
public class ProfileResource {
    private final ProfileService service;
    private final ProfileIndex index;
    private final Caller caller;

    public ProfileResource(ProfileService service, ProfileIndex index, Caller caller) {
        this.service = service;
        this.index = index;
        this.caller = caller;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.INNOVATOR})
    @Operation(operationId = "getMyProfile", summary = "Your organisation's profile")
    @ETagged
    @APIResponseSchema(value = ProfileView.class, responseCode = "200", responseDescription = "The profile")
    public Uni<Response> mine() {
        return service.mine(caller.actor()).map(ProfileResource::ok);
    }

    @PUT
    @Path("/mine")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INNOVATOR})
    @Operation(operationId = "saveMyProfile", summary = "Create or replace your organisation's profile",
            description = "The first save creates it (201); later ones replace it and need If-Match with the version"
                    + " you read (428 without, 412 when stale). Recommendations follow within a second or so.")
    @ETagged
    @Created(location = "The profile")
    @APIResponseSchema(value = ProfileView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProfileView.class)))
    public Uni<Response> save(@NotNull(message = "a JSON body is required") @Valid ProfileRequest request,
            @Parameter(description = "ETag of the version you read; required once the profile exists")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, UriInfo uri) {
        // The index is told once the transaction has committed (the service's method has returned).
        return service.save(request, ETags.ifMatch(ifMatch), caller.actor())
                        .invoke(index::refreshSoon).map(saved -> saved.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/profiles/{id}").build(saved.view().id()))
                        .tag(ETags.entityTag(saved.view().version())).entity(saved.view()).build()
                : ok(saved.view()));
    }

    @DELETE
    @Path("/mine")
    @RolesAllowed({Roles.INNOVATOR})
    @Operation(operationId = "deleteMyProfile", summary = "Remove your organisation's profile",
            description = "With the feedback buyers gave on it; it is no longer recommended. Requires If-Match.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> delete(@Parameter(required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.delete(ETags.ifMatch(ifMatch), caller.actor()).invoke(index::refreshSoon)
                .map(v -> Response.noContent().build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INNOVATOR, Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "getProfile", summary = "A profile, for buyers, coordinators and its own organisation",
            description = "404 for other innovators: profiles carry a contact person.")
    @ETagged
    @APIResponseSchema(value = ProfileView.class, responseCode = "200", responseDescription = "The profile")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id, Viewer.of(caller)).map(ProfileResource::ok);
    }

    @GET
    @RolesAllowed({Roles.BUYER, Roles.COORDINATOR, Roles.ADMIN})
    @Operation(operationId = "listProfiles", summary = "All innovator profiles by name, for buyers and coordinators")
    public Uni<Page<ProfileView>> list(@Valid @BeanParam PageRequest page) {
        return service.list(page);
    }

    private static Response ok(ProfileView view) {
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }
}
