package se.utfall.challenge;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource someone forgot to annotate, present in tests only: it must be closed, not open. */
@Path("/api/v1/test-probes/unannotated")
public class UnannotatedProbeResource {
    @GET
    public String secret() {
        return "this should never be served";
    }
}
