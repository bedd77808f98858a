package se.utfall.challenge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;
import org.hibernate.reactive.mutiny.Mutiny.Session;
import se.utfall.audit.Audit;
import se.utfall.audit.HistoryEntry;
import se.utfall.audit.HistoryQuery;
import se.utfall.audit.Redaction;
import se.utfall.challenge.api.ChallengeRequest;
import se.utfall.challenge.api.ChallengeSummary;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.api.PhaseInput;
import se.utfall.challenge.domain.Workshop;
import se.utfall.challenge.domain.ChallengeFilter;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeAggregate;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.Phase;
import se.utfall.challenge.mapping.ChallengeMapper;
import se.utfall.challenge.messaging.ChallengeEventData;
import se.utfall.challenge.messaging.ChallengeEvents;
import se.utfall.challenge.repository.ChallengeRepository;
import se.utfall.challenge.repository.ChallengeSearch;
import se.utfall.challenge.repository.ChallengeViews;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.json.MergePatch;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Use cases of a challenge's life: define, amend, publish, close, archive, read, list, history. Each write is one
 * transaction holding the state change, its audit entry and its outbox event.
 */
@ApplicationScoped
public class ChallengeService {
    /** The platform itself, as the author of what it learns from events and time. */
    private static final Actor UTFALL = new Actor("utfall", null, true, "Utfall", "Utfall");

    private final ChallengeEvents events;
    private final AuditTrail audit;
    private final Audit history;
    private final Redaction redaction;
    private final ChallengeSearch search;
    private final ChallengeRepository repository;
    private final ChallengeViews views;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;

    public ChallengeService(ChallengeEvents events, AuditTrail audit, Audit history, Redaction redaction,
            ChallengeSearch search,
            ChallengeRepository repository, ChallengeViews views, ObjectMapper mapper, Validator validator,
            Clock clock) {
        this.events = events;
        this.audit = audit;
        this.history = history;
        this.redaction = redaction;
        this.search = search;
        this.repository = repository;
        this.views = views;
        this.mapper = mapper;
        this.validator = validator;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ChallengeView> create(ChallengeRequest request, Actor actor) {
        actor.requireOrganisation();
        Challenge c = new Challenge();
        c.id = UUID.randomUUID();
        c.ownerOrgId = actor.organisation();
        c.ownerOrgName = actor.organisationName();
        c.createdBy = actor.subject();
        Instant now = clock.instant();
        ChallengeAggregate aggregate = ChallengeAggregate.newDraft(c, now);
        ChallengeMapper.apply(request, c);
        plan(aggregate, request.processTrail());
        return repository.persistNew(aggregate)
                .chain(() -> writeChildren(aggregate, request))
                .invoke(aggregate::requireConsistent)
                .chain(() -> c.flush())
                .chain(() -> storeViews(aggregate))
                .call(view -> audit.record(c.id, actor, "CREATED", false, audit.diff(null, view), null, now));
    }

    /**
     * Replaces the content (PUT): every field the request leaves out becomes empty, collections and the process
     * trail included. Goals and insights sent with their ids keep their identity.
     */
    @WithTransaction
    public Uni<ChallengeView> update(UUID id, ChallengeRequest request, Precondition ifMatch, Actor actor) {
        return loadOwned(id, actor).chain(aggregate -> {
            requireAmendable(aggregate, ifMatch);
            return amend(aggregate, request, actor);
        });
    }

    /**
     * Changes what the JSON Merge Patch names (PATCH, RFC 7396) and keeps the rest: the patch is applied to the
     * current content and the result meets every rule a full update meets.
     */
    @WithTransaction
    public Uni<ChallengeView> patch(UUID id, JsonNode patch, Precondition ifMatch, Actor actor) {
        return loadOwned(id, actor).chain(aggregate -> {
            requireAmendable(aggregate, ifMatch);
            return amend(aggregate, MergePatch.applyTo(ChallengeMapper.toView(aggregate), patch,
                    ChallengeRequest.class, mapper, validator), actor);
        });
    }

    private Uni<Void> writeChildren(ChallengeAggregate aggregate, ChallengeRequest request) {
        ChallengeMapper.ChildChanges changes = ChallengeMapper.syncChildren(aggregate, request);
        return repository.write(changes.toPersist(), changes.toRemove());
    }

    /**
     * Stores the aggregate's read model (its JSON for buyers and for everyone) in this transaction; call after
     * the flush, so the version is final. Answers the full view.
     */
    private Uni<ChallengeView> storeViews(ChallengeAggregate aggregate) {
        Challenge c = aggregate.challenge();
        ChallengeView full = ChallengeMapper.toView(aggregate);
        return views.store(c.id, c.version, c.isPublic(), c.readers(), c.buyers(),
                json(ChallengeMapper.publicOf(full)), json(full)).replaceWith(full);
    }

    private String json(ChallengeView view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAmendable(ChallengeAggregate aggregate, Precondition ifMatch) {
        ifMatch.require(aggregate.challenge().version);
        aggregate.requireEditable();
    }

    private Uni<ChallengeView> amend(ChallengeAggregate aggregate, ChallengeRequest request, Actor actor) {
        ChallengeView before = ChallengeMapper.toView(aggregate);
        ChallengeMapper.apply(request, aggregate.challenge());
        aggregate.replaceTrail(ChallengeMapper.toDates(request.processTrail() == null ? List.of()
                : request.processTrail()));
        return writeChildren(aggregate, request).chain(() -> {
            aggregate.requireConsistent();
            aggregate.requireStillComplete();
            return recordEdit(aggregate, before, actor, request.amendmentNote());
        });
    }

    /**
     * Plans or records dates on the process trail without resending the whole challenge. On a published
     * challenge this is an amendment like any other: public history and an updated event.
     */
    @WithTransaction
    public Uni<ChallengeView> updateProcessTrail(UUID id, List<PhaseInput> phases, Precondition ifMatch, Actor actor) {
        return loadOwned(id, actor).chain(aggregate -> {
            requireAmendable(aggregate, ifMatch);
            ChallengeView before = ChallengeMapper.toView(aggregate);
            aggregate.planTrail(ChallengeMapper.toDates(phases));
            return recordEdit(aggregate, before, actor, "Process trail");
        });
    }

    /**
     * Records a phase's actual dates learnt from what happened (an RFI opened or closed, a workshop held), in the
     * caller's transaction: a public amendment like a typed one (history, updated event), by Utfall itself. An
     * unknown challenge or nothing new changes nothing.
     */
    public Uni<Void> recordProgress(UUID id, Phase phase, LocalDate started, LocalDate ended, String note) {
        return repository.load(id).chain(aggregate -> {
            // Only a published challenge's trail moves on: a closed or archived one stays as it was left (its ETag
            // too), and a draft has no RFIs or held workshops.
            if (aggregate == null || aggregate.challenge().status != ChallengeStatus.PUBLISHED) {
                return Uni.createFrom().voidItem();
            }
            ChallengeView before = ChallengeMapper.toView(aggregate);
            if (!aggregate.recordProgress(phase, started, ended)) {
                return Uni.createFrom().voidItem();
            }
            return recordEdit(aggregate, before, UTFALL, note).replaceWithVoid();
        });
    }

    private static void plan(ChallengeAggregate aggregate, List<PhaseInput> phases) {
        if (phases != null) {
            aggregate.planTrail(ChallengeMapper.toDates(phases));
        }
    }

    /**
     * Finishes an edit of content: nothing happens when nothing changed; otherwise the version moves on and the
     * diff is audited. On a published challenge a change of what the public sees is a public amendment announced
     * as updated; a change of internal need insights only is recorded for the buyers and announced to no one.
     */
    private Uni<ChallengeView> recordEdit(ChallengeAggregate aggregate, ChallengeView before, Actor actor,
            String note) {
        Challenge c = aggregate.challenge();
        ObjectNode changes = audit.diff(before, ChallengeMapper.toView(aggregate));
        if (changes.isEmpty()) {
            // Nothing a reader could see changed: write nothing, so the version (and the ETag the caller holds)
            // stays; the entities may still look dirty to Hibernate (e.g. 450000 read back as 450000.00).
            return Panache.getSession().invoke(Session::clear).replaceWith(before);
        }
        boolean publicChange = c.status == ChallengeStatus.PUBLISHED && audit.differs(ChallengeMapper.publicOf(before),
                ChallengeMapper.toPublicView(aggregate));
        Instant now = clock.instant();
        // Goals, insights and phases live in their own rows; touching the challenge row moves its version too.
        c.updatedAt = now;
        return c.<Challenge>persistAndFlush()
                .chain(() -> storeViews(aggregate))
                .call(view -> audit.record(c.id, actor, publicChange ? "AMENDED" : "UPDATED", publicChange, changes,
                        note, now))
                .call(view -> publicChange ? events.updated(ChallengeMapper.toEventData(aggregate))
                        : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<ChallengeView> publish(UUID id, Precondition ifMatch, Actor actor) {
        return transition(id, ifMatch, actor, "PUBLISHED", ChallengeAggregate::publish, events::published);
    }

    @WithTransaction
    public Uni<ChallengeView> close(UUID id, Precondition ifMatch, Actor actor) {
        return transition(id, ifMatch, actor, "CLOSED", ChallengeAggregate::close, events::closed);
    }

    /** Archives a closed challenge, or shelves a draft that will never be published (no event: it was never public). */
    @WithTransaction
    public Uni<ChallengeView> archive(UUID id, Precondition ifMatch, Actor actor) {
        return transition(id, ifMatch, actor, "ARCHIVED", ChallengeAggregate::archive, events::archived);
    }

    /**
     * A challenge as the reader may see it: published ones to anyone, drafts to their organisations only; the
     * buying organisations see internal need insights too.
     */
    @WithSession
    public Uni<ChallengeView> get(UUID id, Reader reader) {
        return repository.load(id).map(a -> {
            reader.visibleOrNotFound(a, x -> x.challenge().isPublic(), x -> x.challenge().readers(),
                    "Challenge " + id);
            return ChallengeMapper.toView(a, reader.isInsider(a.challenge(), Challenge::buyers));
        });
    }

    /** No session around it: the search takes one connection at a time (see {@link ChallengeSearch}). */
    public Uni<Page<ChallengeSummary>> listPublic(ChallengeFilter filter, PageRequest page) {
        return search.find(filter, null, page).map(p -> p.map(ChallengeMapper::toSummary));
    }

    public Uni<Page<ChallengeSummary>> listMine(ChallengeFilter filter, Actor actor, PageRequest page) {
        return search.find(filter, actor.organisation(), page).map(p -> p.map(ChallengeMapper::toSummary));
    }

    /**
     * The history, oldest first, a page at a time. The buying organisations see every entry with the person who
     * made it and the full before/after of each field; everyone else sees the public entries (from publication
     * on): which fields changed and when, never the texts, so what was amended away stays away.
     */
    @WithSession
    public Uni<Page<HistoryEntry>> history(UUID id, Reader reader, PageRequest page) {
        return Challenge.<Challenge>findById(id).chain(found -> {
            Challenge c = reader.visibleOrNotFound(found, Challenge::isPublic, Challenge::readers, "Challenge " + id);
            boolean insider = reader.isInsider(c, Challenge::buyers);
            HistoryQuery query = HistoryQuery.of(AuditTrail.subject(id));
            return history.history(insider ? query : query.publicOnly(),
                    insider ? HistoryEntry.Detail.FULL : HistoryEntry.Detail.PUBLIC, page);
        });
    }

    /**
     * Removes a text from a challenge's stored history and from its not yet purged outbox rows, its own and its
     * workshops' (GDPR art. 17: e.g. "Anna, 87, bor ensam vid kyrkan" that was published and later amended away).
     * Admins only; the redaction is itself audited, without the text.
     */
    @WithTransaction
    public Uni<Redaction.Result> redact(UUID id, String text, String reason, Actor actor) {
        if (!actor.admin()) {
            throw RuleViolation.forbidden("admins-only", "Only a platform admin may redact history");
        }
        Instant now = clock.instant();
        return Challenge.<Challenge>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null) {
                throw RuleViolation.notFound("Challenge " + id);
            }
            return Workshop.<Workshop>list("challengeId", id).chain(workshops -> {
                List<String> aggregates = new ArrayList<>();
                aggregates.add(id.toString());
                workshops.forEach(w -> aggregates.add(w.id.toString()));
                return redaction.erase(AuditTrail.subject(id), aggregates, text, reason, actor, now);
            });
        });
    }

    /**
     * Loads a challenge the actor's organisation owns: 404 when the actor may not even read it, 403 when it may
     * read but not change it (co-buyers and observers).
     */
    public Uni<ChallengeAggregate> loadOwned(UUID id, Actor actor) {
        return repository.load(id).map(a -> actor.ownedOrForbidden(a, x -> x.challenge().ownerOrgId,
                x -> x.challenge().readers(), "Challenge " + id));
    }

    private interface Change {
        void apply(ChallengeAggregate aggregate, Instant now);
    }

    private Uni<ChallengeView> transition(UUID id, Precondition ifMatch, Actor actor, String action, Change change,
            Function<ChallengeEventData, Uni<Void>> event) {
        return loadOwned(id, actor).chain(aggregate -> {
            Challenge c = aggregate.challenge();
            ifMatch.require(c.version);
            Instant now = clock.instant();
            change.apply(aggregate, now);
            // Only what was ever public is news for partners, and only that belongs to the public history.
            boolean everPublic = c.publishedAt != null;
            return c.<Challenge>persistAndFlush()
                    .chain(() -> storeViews(aggregate))
                    .call(view -> audit.record(c.id, actor, action, everPublic, mapper.createObjectNode()
                            .set("status", mapper.createObjectNode().put("to", c.status.name())), null, now))
                    .call(view -> everPublic ? event.apply(ChallengeMapper.toEventData(aggregate))
                            : Uni.createFrom().voidItem());
        });
    }
}
