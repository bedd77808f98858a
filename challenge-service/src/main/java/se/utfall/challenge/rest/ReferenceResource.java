package se.utfall.challenge.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.utfall.challenge.reference.Municipalities;
import se.utfall.challenge.reference.Sectors;

/** Lists a form needs to offer choices: municipalities with their counties, sectors with labels. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Reference", description = "Code lists for forms and filters")
public class ReferenceResource {
    /** Changes with a release at most: caches may keep it a day. */
    private static final String CACHE = "public, max-age=86400";

    @GET
    @Path("/municipalities")
    @Operation(operationId = "listMunicipalities", summary = "Sweden's 290 municipalities (kommunkod, SCB) by code")
    @APIResponse(responseCode = "200", description = "Every municipality with its county (län)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Municipalities.Municipality.class)))
    public Response municipalities() {
        return Response.ok(Municipalities.all()).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    @GET
    @Path("/sectors")
    @Operation(operationId = "listSectors",
            summary = "The sectors a challenge can name, with Swedish and English labels")
    @APIResponse(responseCode = "200", description = "Every sector",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Sectors.Sector.class)))
    public Response sectors() {
        return Response.ok(Sectors.all()).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }
}
