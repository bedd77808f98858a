package se.utfall.challenge.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.repository.ChallengeViews;
import se.utfall.web.http.Tagged;
import se.utfall.web.security.Reader;

import java.util.UUID;

/**
 * The hot read: one challenge as the reader may see it, from the JSON stored with its last change (one
 * primary-key lookup, no ORM session, no mapping). A challenge without stored views is read the long way.
 */
@ApplicationScoped
public class ChallengeReads {
    private final ChallengeViews views;
    private final ChallengeService service;

    public ChallengeReads(ChallengeViews views, ChallengeService service) {
        this.views = views;
        this.service = service;
    }

    /** The body (ready JSON, or the view) and its ETag value; 404 for whoever may not read it. */
    public Uni<Tagged<Object>> get(UUID id, Reader reader) {
        return views.find(id).chain(stored -> {
            if (stored == null) {
                return service.get(id, reader).map(v -> new Tagged<Object>(v, Long.toString(v.version())));
            }
            ChallengeViews.Stored s = reader.visibleOrNotFound(stored, ChallengeViews.Stored::isPublic,
                    ChallengeViews.Stored::readers, "Challenge " + id);
            String json = reader.isInsider(s, ChallengeViews.Stored::buyers) ? s.fullJson() : s.publicJson();
            return Uni.createFrom().item(new Tagged<Object>(json, Long.toString(s.version())));
        });
    }
}
