package se.utfall.challenge.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.challenge.api.ChallengeRequest;
import se.utfall.challenge.api.ChallengeSummary;
import se.utfall.challenge.api.ChallengeView;
import se.utfall.challenge.api.HistoryEntry;
import se.utfall.challenge.api.NeedInsightInput;
import se.utfall.challenge.api.OutcomeGoalInput;
import se.utfall.challenge.api.PhaseInput;
import se.utfall.challenge.domain.AuditEntry;
import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.ChallengeStatus;
import se.utfall.challenge.domain.NeedInsight;
import se.utfall.challenge.domain.OutcomeGoal;
import se.utfall.challenge.domain.Phase;
import se.utfall.challenge.domain.ProcessPhase;
import se.utfall.challenge.mapping.ChallengeMapper;
import se.utfall.challenge.messaging.ChallengeEvents;
import se.utfall.web.paging.Page;
import se.utfall.web.paging.PageRequest;
import se.utfall.web.problem.Problem;
import se.utfall.web.problem.ProblemException;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Use cases of a challenge's life: define, amend, publish, close, archive, read, list, history. Each write is one
 * transaction holding the state change, its audit entry and its outbox event.
 */
@ApplicationScoped
public class ChallengeService {
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final ChallengeEvents events;
    private final AuditTrail audit;
    private final ChallengeSearch search;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ChallengeService(ChallengeEvents events, AuditTrail audit, ChallengeSearch search, ObjectMapper mapper,
            Clock clock) {
        this.events = events;
        this.audit = audit;
        this.search = search;
        this.mapper = mapper;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ChallengeView> create(ChallengeRequest request, Actor actor) {
        checkCrossFieldRules(request);
        actor.requireOrganisation();
        Instant now = clock.instant();
        Challenge c = new Challenge();
        c.id = UUID.randomUUID();
        c.ownerOrgId = actor.organisation();
        c.status = ChallengeStatus.DRAFT;
        c.createdAt = now;
        c.updatedAt = now;
        c.createdBy = actor.subject();
        ChallengeMapper.apply(request, c);
        List<ProcessPhase> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            ProcessPhase p = new ProcessPhase();
            p.key = new ProcessPhase.Key(c.id, phase);
            p.position = phase.ordinal();
            phases.add(p);
        }
        phases.get(0).actualStart = LocalDate.now(clock.withZone(SWEDEN));
        ChallengeAggregate aggregate = new ChallengeAggregate(c, new ArrayList<>(), new ArrayList<>(), phases);
        return c.persist()
                .chain(() -> persistAll(phases))
                .chain(() -> syncChildren(aggregate, request))
                .chain(() -> c.flush())
                .map(x -> ChallengeMapper.toView(aggregate))
                .call(view -> audit.record(c.id, actor, "CREATED", false, audit.diff(null, view), null, now));
    }

    @WithTransaction
    public Uni<ChallengeView> update(UUID id, ChallengeRequest request, String ifMatch, Actor actor) {
        checkCrossFieldRules(request);
        return loadOwned(id, actor).chain(aggregate -> {
            Challenge c = aggregate.challenge();
            se.utfall.web.http.ETags.requireMatch(ifMatch, c.version);
            c.requireEditable();
            ChallengeView before = ChallengeMapper.toView(aggregate);
            ChallengeMapper.apply(request, c);
            return syncChildren(aggregate, request).chain(() -> {
                boolean published = c.status == ChallengeStatus.PUBLISHED;
                if (published) {
                    List<String[]> problems = c.completenessProblems(aggregate.goals());
                    if (!problems.isEmpty()) {
                        throw ProblemException.unprocessable(
                                "A published challenge must stay complete", fieldErrors(problems));
                    }
                }
                return recordEdit(aggregate, before, actor, request.amendmentNote());
            });
        });
    }

    /**
     * Plans or records dates on the process trail without resending the whole challenge. On a published
     * challenge this is an amendment like any other: public history and an updated event.
     */
    @WithTransaction
    public Uni<ChallengeView> updateProcessTrail(UUID id, List<PhaseInput> phases, String ifMatch, Actor actor) {
        return loadOwned(id, actor).chain(aggregate -> {
            Challenge c = aggregate.challenge();
            se.utfall.web.http.ETags.requireMatch(ifMatch, c.version);
            c.requireEditable();
            ChallengeView before = ChallengeMapper.toView(aggregate);
            applyTrail(aggregate, phases);
            return recordEdit(aggregate, before, actor, "Process trail");
        });
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
            return Uni.createFrom().item(before);
        }
        boolean publicChange = c.status == ChallengeStatus.PUBLISHED && !audit.diff(ChallengeMapper.publicOf(before),
                ChallengeMapper.toPublicView(aggregate)).isEmpty();
        Instant now = clock.instant();
        // Goals, insights and phases live in their own rows; touching the challenge row moves its version too.
        c.updatedAt = now;
        return c.<Challenge>persistAndFlush()
                .map(x -> ChallengeMapper.toView(aggregate))
                .call(view -> audit.record(c.id, actor, publicChange ? "AMENDED" : "UPDATED", publicChange, changes,
                        note, now))
                .call(view -> publicChange ? events.updated(ChallengeMapper.toPublicView(aggregate))
                        : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<ChallengeView> publish(UUID id, String ifMatch, Actor actor) {
        return transition(id, ifMatch, actor, "PUBLISHED", (a, now) -> a.challenge().publish(a.goals(), now),
                events::published);
    }

    @WithTransaction
    public Uni<ChallengeView> close(UUID id, String ifMatch, Actor actor) {
        return transition(id, ifMatch, actor, "CLOSED", (a, now) -> a.challenge().close(now), events::closed);
    }

    /** Archives a closed challenge, or shelves a draft that will never be published (no event: it was never public). */
    @WithTransaction
    public Uni<ChallengeView> archive(UUID id, String ifMatch, Actor actor) {
        return transition(id, ifMatch, actor, "ARCHIVED", (a, now) -> a.challenge().archive(now), events::archived);
    }

    /**
     * A challenge as the reader may see it: published ones to anyone, drafts to their organisations only; the
     * buying organisations see internal need insights too.
     */
    @WithSession
    public Uni<ChallengeView> get(UUID id, Reader reader) {
        return load(id).map(a -> {
            reader.visibleOrNotFound(a, x -> x.challenge().isPublic(), x -> x.challenge().readers(),
                    "Challenge " + id);
            return ChallengeMapper.toView(a, reader.isInsider(a.challenge(), Challenge::buyers));
        });
    }

    @WithSession
    public Uni<Page<ChallengeSummary>> listPublic(ChallengeSearch.Filter filter, PageRequest page) {
        return search.find(filter, null, page).map(p -> p.map(ChallengeMapper::toSummary));
    }

    @WithSession
    public Uni<Page<ChallengeSummary>> listMine(ChallengeSearch.Filter filter, Actor actor, PageRequest page) {
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
            String query = insider ? "challengeId = ?1" : "challengeId = ?1 and publicEntry = true";
            var entries = AuditEntry.<AuditEntry>find(query + " order by id", id).page(page.page, page.size);
            return AuditEntry.count(query, id).chain(total -> entries.list().map(list -> Page.of(list.stream()
                    .map(e -> {
                        com.fasterxml.jackson.databind.JsonNode changes = parse(e.changes);
                        List<String> fields = new ArrayList<>();
                        changes.fieldNames().forEachRemaining(fields::add);
                        return new HistoryEntry(e.id, e.at, insider ? e.actor : null, e.actorOrgId, e.action,
                                fields, insider ? changes : null, e.note, e.redactedAt != null);
                    }).toList(), page, total)));
        });
    }

    /**
     * Removes a text from a challenge's stored history and from its not yet purged outbox rows (GDPR art. 17:
     * e.g. "Anna, 87, bor ensam vid kyrkan" that was published and later amended away). Admins only; the
     * redaction is itself audited, without the text.
     */
    @WithTransaction
    public Uni<Integer> redact(UUID id, String text, String reason, Actor actor) {
        if (!actor.admin()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only a platform admin may redact history",
                    null);
        }
        Instant now = clock.instant();
        return Challenge.<Challenge>findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("Challenge " + id);
            }
            return AuditEntry.<AuditEntry>list("challengeId = ?1 order by id", id).chain(entries -> {
                List<Object[]> changed = new ArrayList<>();
                for (AuditEntry e : entries) {
                    String redacted = audit.redact(e.changes, text);
                    String note = e.note == null ? null : e.note.replace(text, AuditTrail.REDACTED);
                    if (!redacted.equals(e.changes) || !java.util.Objects.equals(note, e.note)) {
                        changed.add(new Object[] {e.id, redacted, note});
                    }
                }
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Object[] row : changed) {
                    chain = chain.chain(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                            .chain(s -> s.createNativeQuery("UPDATE audit_entry SET changes = :changes, note = :note,"
                                    + " redacted_at = :at WHERE id = :id")
                                    .setParameter("changes", row[1]).setParameter("note", row[2])
                                    .setParameter("at", now).setParameter("id", row[0]).executeUpdate())
                            .replaceWithVoid());
                }
                return chain.chain(() -> redactOutbox(id, text))
                        .chain(outboxRows -> audit.record(id, actor, "REDACTED", false, mapper.createObjectNode()
                                .put("entries", changed.size()).put("outboxEvents", outboxRows), reason, now))
                        .replaceWith(changed.size());
            });
        });
    }

    /**
     * The challenge's retained outbox rows (its own and its workshops'), with the text replaced inside string
     * values only: keys, numbers, dates and ids stay intact, so the events stay valid.
     */
    private Uni<Integer> redactOutbox(UUID id, String text) {
        String escaped = audit.jsonEscaped(text);
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT o.id, o.payload FROM outbox_event o WHERE strpos(o.payload, :text) > 0 AND (o.aggregate_id = :id"
                        + " OR o.aggregate_id IN (SELECT CAST(w.id AS text) FROM workshop w WHERE w.challenge_id = :uuid))",
                Object[].class)
                .setParameter("text", escaped).setParameter("id", id.toString()).setParameter("uuid", id)
                .getResultList()
                .chain(rows -> {
                    Uni<Integer> done = Uni.createFrom().item(0);
                    for (Object[] row : rows) {
                        String redacted = audit.redact((String) row[1], text);
                        done = done.chain(n -> s.createNativeQuery(
                                "UPDATE outbox_event SET payload = :payload WHERE id = :id")
                                .setParameter("payload", redacted).setParameter("id", row[0]).executeUpdate()
                                .map(x -> n + 1));
                    }
                    return done;
                }));
    }

    /** Loads a challenge the actor's organisation owns, or fails with 404. */
    public Uni<ChallengeAggregate> loadOwned(UUID id, Actor actor) {
        return load(id).map(a -> actor.ownedOrNotFound(a, x -> x.challenge().ownerOrgId, "Challenge " + id));
    }

    /** One query per table, never per row. */
    Uni<ChallengeAggregate> load(UUID id) {
        return Challenge.<Challenge>findById(id).chain(c -> c == null ? Uni.createFrom().nullItem()
                : OutcomeGoal.<OutcomeGoal>list("challengeId = ?1 order by position", id)
                        .chain(goals -> NeedInsight.<NeedInsight>list("challengeId = ?1 order by position", id)
                                .chain(insights -> ProcessPhase.<ProcessPhase>list(
                                        "key.challengeId = ?1 order by position", id)
                                        .map(phases -> new ChallengeAggregate(c, new ArrayList<>(goals),
                                                new ArrayList<>(insights), new ArrayList<>(phases))))));
    }

    private interface Change {
        void apply(ChallengeAggregate aggregate, Instant now);
    }

    private Uni<ChallengeView> transition(UUID id, String ifMatch, Actor actor, String action, Change change,
            Function<ChallengeView, Uni<Void>> event) {
        return loadOwned(id, actor).chain(aggregate -> {
            Challenge c = aggregate.challenge();
            se.utfall.web.http.ETags.requireMatch(ifMatch, c.version);
            Instant now = clock.instant();
            change.apply(aggregate, now);
            if (c.status == ChallengeStatus.PUBLISHED) {
                markPhase(aggregate, Phase.NEED_DEFINITION, now);
            }
            // Only what was ever public is news for partners, and only that belongs to the public history.
            boolean everPublic = c.publishedAt != null;
            return c.<Challenge>persistAndFlush()
                    .map(x -> ChallengeMapper.toView(aggregate))
                    .call(view -> audit.record(c.id, actor, action, everPublic, mapper.createObjectNode()
                            .set("status", mapper.createObjectNode().put("to", c.status.name())), null, now))
                    .call(view -> everPublic ? event.apply(ChallengeMapper.toPublicView(aggregate))
                            : Uni.createFrom().voidItem());
        });
    }

    /** Publishing ends need definition: its actual end is recorded unless the buyer already set one. */
    private void markPhase(ChallengeAggregate aggregate, Phase phase, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, SWEDEN);
        aggregate.phases().stream().filter(p -> p.key.phase == phase && p.actualEnd == null)
                .forEach(p -> p.actualEnd = today);
    }

    /** Brings goals, insights and (if given) the process trail in line with the request, keeping known ids. */
    private Uni<Void> syncChildren(ChallengeAggregate aggregate, ChallengeRequest request) {
        UUID challengeId = aggregate.challenge().id;
        List<Object> toPersist = new ArrayList<>();
        List<Object> toRemove = new ArrayList<>();

        sync(aggregate.goals(), request.outcomeGoals(), g -> g.id, OutcomeGoalInput::id, () -> {
            OutcomeGoal g = new OutcomeGoal();
            g.id = UUID.randomUUID();
            g.challengeId = challengeId;
            toPersist.add(g);
            return g;
        }, (in, g, i) -> {
            ChallengeMapper.apply(in, g);
            g.position = i;
        }, toRemove);
        sync(aggregate.insights(), request.needInsights(), n -> n.id, NeedInsightInput::id, () -> {
            NeedInsight n = new NeedInsight();
            n.id = UUID.randomUUID();
            n.challengeId = challengeId;
            toPersist.add(n);
            return n;
        }, (in, n, i) -> {
            ChallengeMapper.apply(in, n);
            n.position = i;
        }, toRemove);
        if (request.processTrail() != null) {
            applyTrail(aggregate, request.processTrail());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object o : toRemove) {
            chain = chain.chain(() -> ((io.quarkus.hibernate.reactive.panache.PanacheEntityBase) o).delete());
        }
        return chain.chain(() -> persistAll(toPersist));
    }

    private static void applyTrail(ChallengeAggregate aggregate, List<PhaseInput> phases) {
        Set<Phase> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            PhaseInput in = phases.get(i);
            if (!seen.add(in.phase())) {
                errors.add(new Problem.FieldError("processTrail[" + i + "].phase", in.phase() + " appears twice"));
            }
            if (in.plannedStart() != null && in.plannedEnd() != null && in.plannedEnd().isBefore(in.plannedStart())) {
                errors.add(new Problem.FieldError("processTrail[" + i + "].plannedEnd", "must not be before plannedStart"));
            }
            if (in.actualStart() != null && in.actualEnd() != null && in.actualEnd().isBefore(in.actualStart())) {
                errors.add(new Problem.FieldError("processTrail[" + i + "].actualEnd", "must not be before actualStart"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The process trail has invalid dates", errors);
        }
        for (PhaseInput in : phases) {
            aggregate.phases().stream().filter(p -> p.key.phase == in.phase()).findFirst()
                    .ifPresent(p -> ChallengeMapper.apply(in, p));
        }
    }

    private interface Apply<I, E> {
        void apply(I input, E entity, int position);
    }

    private static <I, E> void sync(List<E> current, List<I> wanted, Function<E, UUID> entityId,
            Function<I, UUID> inputId, Supplier<E> create, Apply<I, E> apply, List<Object> toRemove) {
        List<I> inputs = wanted == null ? List.of() : wanted;
        Map<UUID, E> byId = new HashMap<>();
        current.forEach(e -> byId.put(entityId.apply(e), e));
        List<E> result = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            I in = inputs.get(i);
            E entity = in != null && inputId.apply(in) != null ? byId.remove(inputId.apply(in)) : null;
            if (entity == null) {
                entity = create.get();
            }
            apply.apply(in, entity, i);
            result.add(entity);
        }
        toRemove.addAll(byId.values());
        current.clear();
        current.addAll(result);
    }

    private static Uni<Void> persistAll(List<?> entities) {
        if (entities.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return io.quarkus.hibernate.reactive.panache.Panache.getSession()
                .chain(s -> s.persistAll(entities.toArray()));
    }

    /** Rules that span fields and that annotations cannot express. */
    static void checkCrossFieldRules(ChallengeRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<OutcomeGoalInput> goals = r.outcomeGoals() == null ? List.of() : r.outcomeGoals();
        for (int i = 0; i < goals.size(); i++) {
            OutcomeGoalInput g = goals.get(i);
            if (g.baselineDate() != null && g.targetDate() != null && !g.targetDate().isAfter(g.baselineDate())) {
                errors.add(new Problem.FieldError("outcomeGoals[" + i + "].targetDate",
                        "must be after the baseline date"));
            }
            if (g.baselineValue() != null && g.baselineDate() == null) {
                errors.add(new Problem.FieldError("outcomeGoals[" + i + "].baselineDate",
                        "is required when a baseline value is given"));
            }
            if (g.targetValue() != null && g.targetDate() == null) {
                errors.add(new Problem.FieldError("outcomeGoals[" + i + "].targetDate",
                        "is required when a target value is given"));
            }
        }
        if (r.baseline() != null && r.budget() != null && r.baseline().unitCost() != null
                && !r.baseline().unitCost().currencyOrDefault().equals(r.budget().currencyOrDefault())) {
            errors.add(new Problem.FieldError("baseline.unitCost.currency",
                    "must be the budget's currency, so costs can be compared"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The request has invalid fields", errors);
        }
    }

    static List<Problem.FieldError> fieldErrors(List<String[]> problems) {
        return problems.stream().map(p -> new Problem.FieldError(p[0], p[1])).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            return mapper.createObjectNode();
        }
    }
}
