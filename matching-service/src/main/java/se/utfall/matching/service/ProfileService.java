package se.utfall.matching.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.matching.api.ContactInput;
import se.utfall.matching.api.ProfileRequest;
import se.utfall.matching.api.ProfileView;
import se.utfall.matching.domain.Feedback;
import se.utfall.matching.domain.InnovatorProfile;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Actor;

import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Innovator profiles: one per organisation, written only by it (If-Match on changes), read by it, by buyers and
 * coordinators. Every committed write moves the profiles' generation, and every replica's index follows.
 */
@ApplicationScoped
public class ProfileService {
    private final Clock clock;

    public ProfileService(Clock clock) {
        this.clock = clock;
    }

    /** Whether the save created the profile (201) or changed it (200). */
    public record Saved(ProfileView view, boolean created) {
    }

    @WithSession
    public Uni<ProfileView> mine(Actor actor) {
        return byOrganisation(actor.requireOrganisation())
                .map(p -> view(actor.ownedOrNotFound(p, x -> x.orgId, "profile of your organisation")));
    }

    /** Creates the organisation's profile, or replaces it (then If-Match must name the current version). */
    @WithTransaction
    public Uni<Saved> save(ProfileRequest request, Precondition ifMatch, Actor actor) {
        UUID org = actor.requireOrganisation();
        return byOrganisation(org).chain(existing -> {
            Instant now = clock.instant();
            InnovatorProfile p = existing;
            if (p == null) {
                if (ifMatch.namesAVersion()) {
                    throw RuleViolation.stale("Your organisation has no profile yet");
                }
                p = new InnovatorProfile();
                p.id = UUID.randomUUID();
                p.orgId = org;
                p.createdAt = now;
                p.createdBy = actor.subject();
            } else {
                ifMatch.require(p.version);
            }
            String before = content(p);
            apply(p, request);
            if (actor.organisationName() != null) {
                p.orgName = actor.organisationName();
            }
            // A save that changes nothing writes nothing: same version, no rebuild of any index.
            if (existing == null || !before.equals(content(p))) {
                p.updatedAt = now;
            }
            boolean created = existing == null;
            return p.<InnovatorProfile>persistAndFlush().map(saved -> new Saved(view(saved), created));
        });
    }

    /** Removes the organisation's profile and the feedback given on it (the organisation leaves matching). */
    @WithTransaction
    public Uni<Void> delete(Precondition ifMatch, Actor actor) {
        return byOrganisation(actor.requireOrganisation()).chain(found -> {
            InnovatorProfile p = actor.ownedOrNotFound(found, x -> x.orgId, "profile of your organisation");
            ifMatch.require(p.version);
            return Feedback.delete("profileId", p.id).chain(() -> p.delete());
        });
    }

    /** A profile, for its organisation, buyers, coordinators and admins; 404 for anyone else. */
    @WithSession
    public Uni<ProfileView> get(UUID id, Viewer viewer) {
        return InnovatorProfile.<InnovatorProfile>findById(id).map(p -> view(viewer.reader().visibleOrNotFound(p,
                x -> viewer.buyer() || viewer.coordinator(), x -> List.of(x.orgId), "profile")));
    }

    /** All profiles, by name, for buyers and coordinators. */
    @WithSession
    public Uni<Page<ProfileView>> list(PageRequest page) {
        return InnovatorProfile.<InnovatorProfile>findAll(Sort.by("name").and("id"))
                .page(page.page, page.size).list()
                .chain(items -> InnovatorProfile.count().map(total -> Page.of(items, page, total).map(
                        ProfileService::view)));
    }

    private static Uni<InnovatorProfile> byOrganisation(UUID org) {
        return InnovatorProfile.<InnovatorProfile>find("orgId", org).firstResult();
    }

    private static void apply(InnovatorProfile p, ProfileRequest r) {
        p.name = r.name();
        p.type = r.type().name();
        p.description = r.description();
        p.capabilities = InnovatorProfile.json(r.capabilities());
        p.sectors = InnovatorProfile.json(r.sectors());
        p.regionsServed = InnovatorProfile.json(r.regionsServed().stream().distinct().toList());
        p.languages = InnovatorProfile.json(r.languages());
        p.contactName = r.contact() == null ? null : r.contact().name();
        p.contactEmail = r.contact() == null ? null : r.contact().email();
    }

    private static String content(InnovatorProfile p) {
        return String.join("\u0000", String.valueOf(p.orgName), String.valueOf(p.name), String.valueOf(p.type),
                String.valueOf(p.description),
                String.valueOf(p.capabilities), String.valueOf(p.sectors), String.valueOf(p.regionsServed),
                String.valueOf(p.languages), String.valueOf(p.contactName), String.valueOf(p.contactEmail));
    }

    static ProfileView view(InnovatorProfile p) {
        ContactInput contact = p.contactName == null && p.contactEmail == null ? null
                : new ContactInput(p.contactName, p.contactEmail);
        return new ProfileView(p.id, p.orgId, p.orgName, p.name, p.type, p.description,
                InnovatorProfile.list(p.capabilities),
                InnovatorProfile.list(p.sectors), InnovatorProfile.list(p.regionsServed),
                InnovatorProfile.list(p.languages), contact, p.version, p.createdAt, p.updatedAt);
    }
}
