package se.utfall.rfi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.utfall.money.Money;
import se.utfall.rfi.api.AwardInput;
import se.utfall.rfi.api.AwardRequest;
import se.utfall.rfi.api.DeliverableRequest;
import se.utfall.rfi.api.FeedbackInput;
import se.utfall.rfi.api.GateRequest;
import se.utfall.rfi.api.ParticipationView;
import se.utfall.rfi.api.PhaseContractRequest;
import se.utfall.rfi.api.PhaseInput;
import se.utfall.rfi.api.ProcurementContractView;
import se.utfall.rfi.api.ProcurementRequest;
import se.utfall.rfi.api.ProcurementView;
import se.utfall.rfi.api.ScoreInput;
import se.utfall.rfi.api.ScoresRequest;
import se.utfall.rfi.config.RfiConfig;
import se.utfall.rfi.domain.ConsortiumMembership;
import se.utfall.rfi.domain.ContractKind;
import se.utfall.rfi.domain.Criterion;
import se.utfall.rfi.domain.Decision;
import se.utfall.rfi.domain.GateOutcome;
import se.utfall.rfi.domain.KnownChallenge;
import se.utfall.rfi.domain.MembershipStatus;
import se.utfall.rfi.domain.Participation;
import se.utfall.rfi.domain.ParticipationStatus;
import se.utfall.rfi.domain.Phase;
import se.utfall.rfi.domain.PhaseScore;
import se.utfall.rfi.domain.Procurement;
import se.utfall.rfi.domain.ProcurementContract;
import se.utfall.rfi.domain.ProcurementFile;
import se.utfall.rfi.domain.ProcurementStatus;
import se.utfall.rfi.domain.ResponseStatus;
import se.utfall.rfi.domain.Rfi;
import se.utfall.rfi.domain.RfiResponse;
import se.utfall.rfi.domain.RfiStatus;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.mapping.ProcurementMapper;
import se.utfall.rfi.mapping.RfiMapper;
import se.utfall.rfi.messaging.ProcurementEvents;
import se.utfall.web.concurrency.Precondition;
import se.utfall.web.json.JsonText;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;
import se.utfall.web.security.Reader;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A procurement after an evaluated RFI, phase by phase: the shortlisted respondents invited to phase 1, their
 * answers and deliverables within each phase's window, scores by the buyer's and co-buyers' evaluators after the
 * close, the gate that keeps at most the next phase's maximum (feedback for everyone, reasons on record), phase
 * contracts within the phase budget, and the award with its contract after the last phase.
 *
 * <p>Locks, always in this order: the procurement row (exclusively to decide a gate, award or sign a phase
 * contract, in share mode to answer, hand in or score, reading the clock after it, so a change and a gate are
 * ordered), then a participation row.
 */
@ApplicationScoped
public class ProcurementService {
    private final ProcurementEvents events;
    private final OcdsService ocds;
    private final RfiAudit trail;
    private final Clock clock;
    private final ZoneId zone;

    public ProcurementService(ProcurementEvents events, OcdsService ocds, RfiAudit trail, Clock clock,
            RfiConfig config) {
        this.events = events;
        this.ocds = ocds;
        this.trail = trail;
        this.clock = clock;
        this.zone = config.timeZone();
    }

    /** A participation after the caller's scores changed, and the ETag of those scores. */
    public record Scored(ParticipationView view, String etag) {
    }

    /**
     * Begins a procurement after an evaluated RFI of the caller's organisation; the RFI's shortlisted respondents
     * (each with the members of its consortium who accepted) are invited to phase 1.
     */
    @WithTransaction
    public Uni<ProcurementView> create(ProcurementRequest request, Actor actor) {
        actor.requireOrganisation();
        return Rfis.writeLocked(request.rfiId()).chain(found -> {
            Rfi rfi = actor.partyOrNotFound(found == null || !found.isPublic() ? null : found,
                    x -> List.of(x.ownerOrgId), "RFI");
            if (rfi.status != RfiStatus.EVALUATED) {
                throw RuleViolation.conflict("A procurement follows an evaluated RFI; this one is " + rfi.status
                        + ".").as("rfi-not-evaluated", "The RFI is not evaluated");
            }
            return Procurement.count("rfiId", rfi.id).chain(existing -> {
                if (existing > 0) {
                    throw RuleViolation.conflict("This RFI has its procurement already.")
                            .as("procurement-exists", "The RFI has a procurement");
                }
                return KnownChallenge.<KnownChallenge>findById(rfi.challengeId);
            }).chain(challenge -> RfiResponse.<RfiResponse>list("rfiId = ?1 and status = ?2 and decision = ?3"
                    + " order by submittedAt", rfi.id, ResponseStatus.SUBMITTED, Decision.SHORTLISTED)
                    .chain(shortlisted -> ConsortiumMembership.<ConsortiumMembership>list(
                            "rfiId = ?1 and status = ?2", rfi.id, MembershipStatus.ACCEPTED)
                            .chain(members -> start(rfi, challenge, request, shortlisted, members, actor))));
        });
    }

    private Uni<ProcurementView> start(Rfi rfi, KnownChallenge challenge, ProcurementRequest request,
            List<RfiResponse> shortlisted, List<ConsortiumMembership> members, Actor actor) {
        Instant now = clock.instant();
        Procurement p = new Procurement();
        p.id = UUID.randomUUID();
        p.rfiId = rfi.id;
        p.ownerOrgId = rfi.ownerOrgId;
        p.ownerOrgName = rfi.ownerOrgName;
        // A co-buyer that is also a supplier (lead or accepted member) does not evaluate: it would read its
        // competitors' deliverables and score its own.
        Set<UUID> suppliers = new HashSet<>();
        shortlisted.forEach(r -> suppliers.add(r.organisationId));
        members.stream().filter(m -> shortlisted.stream().anyMatch(r -> r.id.equals(m.responseId)))
                .forEach(m -> suppliers.add(m.organisationId));
        p.coBuyerOrgIds = challenge == null ? List.of() : challenge.coBuyerOrgIds.stream()
                .filter(o -> !o.equals(rfi.ownerOrgId) && !suppliers.contains(o)).distinct().toList();
        p.title = request.title().trim();
        p.description = blankToNull(request.description());
        p.status = ProcurementStatus.RUNNING;
        p.currentPhase = 1;
        p.createdAt = now;
        p.createdBy = actor.subject();
        p.updatedAt = now;
        List<Phase> phases = phases(p.id, request.phases(), shortlisted.size(), now);
        List<Participation> invited = new ArrayList<>();
        for (RfiResponse r : shortlisted) {
            List<UUID> memberIds = members.stream().filter(m -> m.responseId.equals(r.id))
                    .map(m -> m.organisationId).toList();
            invited.add(invite(p.id, phases.get(0), r.id, r.organisationId, r.organisationName, memberIds,
                    r.consortiumJson, now));
        }
        ProcurementFile file = new ProcurementFile(p, phases, invited, List.of());
        return p.persist().call(() -> Phase.persist(phases)).call(() -> Participation.persist(invited))
                .call(() -> Panache.getSession().chain(s -> s.flush()))
                .call(() -> trail.record(rfi.id, null, actor, "PROCUREMENT_STARTED", null, p.title
                        + " (" + phases.size() + " phases, " + invited.size() + " invited)", now))
                .call(() -> events.started(ProcurementMapper.toEvent(file, rfi.challengeId, ocid(p), zone)))
                .call(() -> ocds.recordProcurement(file, rfi, List.of("tender"), now))
                .map(x -> ProcurementMapper.toView(file, ocid(p), actor.organisation(), zone, now));
    }

    /** The phases as asked, checked: windows in order, the maximum never growing, weighted criteria, one currency. */
    private List<Phase> phases(UUID procurementId, List<PhaseInput> inputs, int shortlisted, Instant now) {
        RuleViolation.Problems p = new RuleViolation.Problems();
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PhaseInput in = inputs.get(i);
            String at = "phases[" + i + "]";
            Instant opens = Windows.resolve(in.opensAt(), in.firstDay(), false, zone, at + ".opensAt",
                    at + ".firstDay", null, p);
            Instant closes = Windows.resolve(in.closesAt(), in.lastDay(), true, zone, at + ".closesAt",
                    at + ".lastDay", null, p);
            if (opens == null) {
                p.add(at + ".opensAt", "give opensAt (with offset) or firstDay");
            }
            if (closes == null) {
                p.add(at + ".closesAt", "give closesAt (with offset) or lastDay");
            }
            if (opens != null && closes != null && !opens.isBefore(closes)) {
                p.add(at + ".closesAt", "the window closes after it opens");
            }
            if (i == 0 && closes != null && !now.isBefore(closes)) {
                p.add(at + ".closesAt", "the first phase's window has to end in the future");
            }
            Phase previous = i == 0 ? null : phases.get(i - 1);
            if (previous != null && opens != null && previous.closesAt != null && opens.isBefore(previous.closesAt)) {
                p.add(at + ".opensAt", "a phase opens when the one before has closed (" + Windows.local(
                        previous.closesAt, zone) + ")");
            }
            if (previous != null && in.maxSuppliers() > previous.maxSuppliers) {
                p.add(at + ".maxSuppliers", "a phase takes at most as many suppliers as the one before ("
                        + previous.maxSuppliers + ")");
            }
            Money budget = in.budget();
            if (previous != null && !budget.currency().getCurrencyCode().equals(previous.currency)) {
                p.add(at + ".budget.currency", "every phase is budgeted in " + previous.currency);
            }
            if (budget.amount().signum() <= 0) {
                p.add(at + ".budget.amount", "a phase needs a budget");
            }
            List<Criterion> criteria = in.criteria().stream().map(RfiMapper::toCriterion).toList();
            int weights = criteria.stream().mapToInt(Criterion::weight).sum();
            if (weights != 100) {
                p.add(at + ".criteria", "the weights add up to " + weights + ", not 100");
            }
            Set<String> names = new HashSet<>();
            Set<UUID> ids = new HashSet<>();
            for (int c = 0; c < criteria.size(); c++) {
                if (!names.add(criteria.get(c).name().toLowerCase(Locale.ROOT))) {
                    p.add(at + ".criteria[" + c + "].name", "two criteria have this name");
                }
                if (!ids.add(criteria.get(c).id())) {
                    p.add(at + ".criteria[" + c + "].id", "two criteria have this id");
                }
            }
            Phase ph = new Phase();
            ph.id = UUID.randomUUID();
            ph.procurementId = procurementId;
            ph.number = i + 1;
            ph.name = in.name().trim();
            ph.description = blankToNull(in.description());
            ph.budget = budget.amount();
            ph.currency = budget.currency().getCurrencyCode();
            ph.maxSuppliers = in.maxSuppliers();
            ph.opensAt = opens;
            ph.closesAt = closes;
            ph.criteriaJson = JsonText.write(criteria);
            ph.deliverablesJson = JsonText.write(in.deliverables().stream().map(String::trim).toList());
            phases.add(ph);
        }
        if (shortlisted == 0) {
            p.add("rfiId", "the RFI shortlisted no response: there is no one to invite");
        } else if (!inputs.isEmpty() && shortlisted > inputs.get(0).maxSuppliers()) {
            p.add("phases[0].maxSuppliers", "the RFI shortlisted " + shortlisted + " responses; phase 1 invites them"
                    + " all, so it takes at least " + shortlisted);
        }
        p.throwIfAny(RuleViolation.Kind.INVALID, "The phases have problems");
        return phases;
    }

    private static Participation invite(UUID procurementId, Phase phase, UUID responseId, UUID organisationId,
            String organisationName, List<UUID> members, String consortiumJson, Instant now) {
        Participation x = new Participation();
        x.id = UUID.randomUUID();
        x.procurementId = procurementId;
        x.phaseId = phase.id;
        x.phaseNumber = phase.number;
        x.responseId = responseId;
        x.organisationId = organisationId;
        x.organisationName = organisationName;
        x.memberOrgIds = List.copyOf(members);
        x.consortiumJson = consortiumJson;
        x.status = ParticipationStatus.INVITED;
        x.invitedAt = now;
        return x;
    }

    /** The procurement, for anyone: buyers and its suppliers also read the gates' reasons. */
    @WithSession
    public Uni<ProcurementView> get(UUID id, Reader reader) {
        return Procurement.<Procurement>findById(id).chain(p -> {
            if (p == null) {
                throw RuleViolation.notFound("procurement");
            }
            return file(p).map(f -> ProcurementMapper.toView(f, ocid(p), reader.organisation(), zone,
                    clock.instant()));
        });
    }

    /** The procurements following an RFI (none or one). */
    @WithSession
    public Uni<List<ProcurementView>> ofRfi(UUID rfiId, Reader reader) {
        return Procurement.<Procurement>list("rfiId", rfiId).chain(found -> {
            Uni<List<ProcurementView>> all = Uni.createFrom().item(new ArrayList<>());
            for (Procurement p : found) {
                all = all.chain(list -> file(p).map(f -> {
                    list.add(ProcurementMapper.toView(f, ocid(p), reader.organisation(), zone, clock.instant()));
                    return list;
                }));
            }
            return all;
        });
    }

    /**
     * The suppliers the caller may see, phase by phase: a buyer or co-buyer every one with scores; a supplier's
     * lead or member only its own; anyone else none.
     */
    @WithSession
    public Uni<List<ParticipationView>> participations(UUID id, Actor actor) {
        return Procurement.<Procurement>findById(id).chain(p -> {
            if (p == null) {
                throw RuleViolation.notFound("procurement");
            }
            return file(p).chain(f -> {
                boolean buyer = f.isBuyer(actor.organisation());
                return (buyer ? PhaseScore.<PhaseScore>list("phaseId in ?1",
                    f.phases().stream().map(ph -> ph.id).toList()) : Uni.createFrom().item(List.<PhaseScore>of()))
                    .map(scores -> f.participations().stream()
                            .filter(x -> buyer || actor.organisation() != null
                                    && x.parties().contains(actor.organisation()))
                            .sorted((a, b) -> a.phaseNumber != b.phaseNumber ? a.phaseNumber - b.phaseNumber
                                    : name(a).compareTo(name(b)))
                            .map(x -> ProcurementMapper.toView(f, x, buyer ? scores.stream()
                                    .filter(s -> s.participationId.equals(x.id)).toList() : null, zone))
                            .toList());
            });
        });
    }

    /** One supplier in a phase, for its lead and accepted members, and for the buyers (with scores). */
    @WithSession
    public Uni<ParticipationView> participation(UUID id, Actor actor) {
        return Participation.<Participation>findById(id).chain(x -> x == null ? notFound()
                : Procurement.<Procurement>findById(x.procurementId).chain(ProcurementService::file).chain(f -> {
                    boolean buyer = f.isBuyer(actor.organisation());
                    if (!buyer) {
                        actor.partyOrNotFound(x, Participation::parties, "participation");
                    }
                    return (buyer ? PhaseScore.<PhaseScore>list("participationId", x.id)
                            : Uni.createFrom().item(List.<PhaseScore>of()))
                            .map(scores -> ProcurementMapper.toView(f, x, buyer ? scores : null, zone));
                }));
    }

    /** The lead accepts or declines its invitation to a phase, once, before the phase closes. */
    @WithTransaction
    public Uni<ParticipationView> answer(UUID id, boolean accept, Actor actor) {
        return asLead(id, actor).chain(found -> {
            Participation x = found.participation();
            Phase ph = found.file().phaseOf(x);
            Instant now = clock.instant();
            if (ph.hasClosed(now)) {
                throw phaseClosed(ph);
            }
            x.answer(accept, actor.subject(), now);
            return x.<Participation>persistAndFlush()
                    .call(() -> trail.record(found.file().procurement().rfiId, x.responseId, actor,
                            accept ? "PHASE_ACCEPTED" : "PHASE_DECLINED", null, "phase " + ph.number, now))
                    .map(saved -> ProcurementMapper.toView(found.file(), saved, null, zone));
        });
    }

    /** The lead hands in (or replaces) the phase's deliverable, within the phase's window. */
    @WithTransaction
    public Uni<ParticipationView> deliver(UUID id, DeliverableRequest request, Precondition ifMatch, Actor actor) {
        return asLead(id, actor).chain(found -> {
            Participation x = found.participation();
            Phase ph = found.file().phaseOf(x);
            if (!ifMatch.isAbsent()) {
                ifMatch.require(x.version);
            }
            Instant now = clock.instant();
            if (now.isBefore(ph.opensAt)) {
                throw RuleViolation.conflict("Deliverables for phase " + ph.number + " are handed in from "
                        + Windows.local(ph.opensAt, zone) + ".").as("phase-not-open", "The phase is not open yet");
            }
            if (ph.hasClosed(now)) {
                throw phaseClosed(ph);
            }
            x.deliver(request.text().strip(), actor.subject(), now);
            return x.<Participation>persistAndFlush()
                    .call(() -> trail.record(found.file().procurement().rfiId, x.responseId, actor, "DELIVERED",
                            null, "phase " + ph.number, now))
                    .map(saved -> ProcurementMapper.toView(found.file(), saved, null, zone));
        });
    }

    private record Found(ProcurementFile file, Participation participation) {
    }

    /**
     * A participation for its lead, with the procurement locked in share mode and the participation for writing:
     * an accepted member is told only the lead acts (403); anyone else 404.
     */
    private Uni<Found> asLead(UUID id, Actor actor) {
        return Participation.<Participation>findById(id).chain(x -> {
            actor.partyOrNotFound(x, Participation::parties, "participation");
            if (!actor.isOwnOrganisation(x.organisationId)) {
                throw RuleViolation.forbidden("lead-only", "Only the lead of the consortium ("
                        + x.organisationName + ") answers invitations and hands in deliverables");
            }
            return shareLocked(x.procurementId).chain(p -> reread(x, LockModeType.PESSIMISTIC_WRITE)
                    .chain(() -> file(p)).map(f -> new Found(f, x)));
        });
    }

    /**
     * Replaces the caller's scores of a supplier's deliverable, between the phase's close and its gate; the
     * buyer's and the co-buyers' evaluators score. Changing earlier scores needs If-Match with their ETag.
     */
    @WithTransaction
    public Uni<Scored> score(UUID id, ScoresRequest request, Precondition ifMatch, Actor actor) {
        return Participation.<Participation>findById(id).chain(found -> found == null ? notFound()
                : Procurement.<Procurement>findById(found.procurementId)
                .invoke(p -> actor.partyOrNotFound(p, Procurement::buyers, "participation"))
                .call(p -> reread(p, LockModeType.PESSIMISTIC_READ)
                        .call(() -> Panache.getSession().invoke(s -> s.setReadOnly(p, true)))).chain(p -> {
                    return file(p).chain(f -> {
                        if (!f.isBuyer(actor.organisation())) {
                            throw RuleViolation.notFound("participation");
                        }
                        Participation x = f.participation(found.id);
                        Phase ph = f.phaseOf(x);
                        Instant now = clock.instant();
                        if (!ph.hasClosed(now)) {
                            throw RuleViolation.conflict("Deliverables are scored after phase " + ph.number
                                    + " closes (" + Windows.local(ph.closesAt, zone) + ").")
                                    .as("phase-open", "The phase is still open");
                        }
                        if (ph.isDecided()) {
                            throw gateDecided(ph);
                        }
                        if (!x.isIn() || x.deliverable == null) {
                            throw RuleViolation.conflict("Only a supplier that accepted and handed in a deliverable"
                                    + " is scored.").as("nothing-to-score", "Nothing to score");
                        }
                        Map<UUID, Criterion> criteria = ph.criteria().stream()
                                .collect(Collectors.toMap(Criterion::id, c -> c));
                        RuleViolation.Problems problems = new RuleViolation.Problems();
                        Set<UUID> seen = new HashSet<>();
                        for (int i = 0; i < request.scores().size(); i++) {
                            ScoreInput s = request.scores().get(i);
                            if (!criteria.containsKey(s.criterionId())) {
                                problems.add("scores[" + i + "].criterionId", "is not a criterion of this phase");
                            } else if (!seen.add(s.criterionId())) {
                                problems.add("scores[" + i + "].criterionId", "is scored twice");
                            }
                        }
                        problems.throwIfAny(RuleViolation.Kind.INVALID, "Some scores do not fit the phase's criteria");
                        List<PhaseScore> scores = request.scores().stream().map(s -> score(ph, x, actor, s, now))
                                .toList();
                        return reread(found, LockModeType.PESSIMISTIC_WRITE)
                                .chain(() -> PhaseScore.<PhaseScore>list("participationId = ?1 and evaluator = ?2",
                                        x.id, actor.subject()))
                                .chain(before -> {
                                    if (!before.isEmpty()) {
                                        ifMatch.require(tagOf(before));
                                    }
                                    return PhaseScore.delete("participationId = ?1 and evaluator = ?2", x.id,
                                            actor.subject());
                                })
                                .call(() -> PhaseScore.persist(scores))
                                .call(() -> trail.record(p.rfiId, x.responseId, actor, "PHASE_SCORED", null,
                                        "phase " + ph.number, now))
                                .call(() -> Panache.getSession().chain(s -> s.flush()))
                                .chain(() -> PhaseScore.<PhaseScore>list("participationId = ?1 order by scoredAt",
                                        x.id))
                                .map(all -> new Scored(ProcurementMapper.toView(f, x, all, zone), tagOf(scores)));
                    });
                }));
    }

    private static PhaseScore score(Phase ph, Participation x, Actor actor, ScoreInput in, Instant now) {
        PhaseScore s = new PhaseScore();
        s.id = UUID.randomUUID();
        s.phaseId = ph.id;
        s.participationId = x.id;
        s.evaluator = actor.subject();
        s.evaluatorName = actor.personName();
        s.evaluatorOrgId = actor.organisation();
        s.criterionId = in.criterionId();
        s.score = (short) (int) in.score();
        s.comment = blankToNull(in.comment());
        s.scoredAt = now;
        return s;
    }

    static String tagOf(List<PhaseScore> scores) {
        return EvaluationService.contentTag(scores.stream().map(s -> s.criterionId + ":" + s.score + ":"
                + (s.comment == null ? "" : s.comment)).toList());
    }

    /**
     * The gate after a phase that is not the last: who continues (at most the next phase's maximum), feedback
     * for every supplier of the phase, the reasons on record. Those continuing are invited to the next phase.
     * One decision per gate: the procurement is locked and its ETag required, so a second buyer deciding at the
     * same time is refused (412) and changes nothing.
     */
    @WithTransaction
    public Uni<ProcurementView> gate(UUID id, int phase, GateRequest request, Precondition ifMatch, Actor actor) {
        return decidable(id, phase, ifMatch, actor).chain(f -> {
            Procurement p = f.procurement();
            Phase ph = f.phase(phase);
            Phase next = f.next(ph).orElseThrow(() -> RuleViolation.conflict("Phase " + phase + " is the last:"
                    + " its gate is the award (POST /api/v1/procurements/" + id + "/award).")
                    .as("last-phase", "The last phase ends with the award"));
            RuleViolation.Problems problems = new RuleViolation.Problems();
            Instant now = clock.instant();
            Instant extended = Windows.resolve(request.nextPhaseClosesAt(), request.nextPhaseLastDay(), true, zone,
                    "nextPhaseClosesAt", "nextPhaseLastDay", null, problems);
            if (extended != null && !extended.isAfter(now)) {
                problems.add("nextPhaseClosesAt", "the next phase has to close in the future");
            } else if (extended != null && extended.isBefore(next.closesAt)) {
                problems.add("nextPhaseClosesAt", "a phase's window can be extended, never shortened (phase "
                        + next.number + " closes " + Windows.local(next.closesAt, zone) + ")");
            }
            Phase following = f.next(next).orElse(null);
            if (extended != null && following != null && extended.isAfter(following.opensAt)) {
                problems.add("nextPhaseClosesAt", "phase " + following.number + " opens " + Windows.local(
                        following.opensAt, zone) + "; phase " + next.number + " has to close by then");
            }
            Set<UUID> continued = chosen(f, ph, request.continued(), "continued", problems);
            if (request.continued().isEmpty()) {
                problems.add("continued", "a gate keeps at least one supplier");
            }
            if (continued.size() > next.maxSuppliers) {
                problems.add("continued", "keeps " + continued.size() + " suppliers; phase " + next.number
                        + " takes at most " + next.maxSuppliers);
            }
            Map<UUID, String> feedback = feedback(f, ph, request.feedback(), continued, problems);
            problems.throwIfAny(RuleViolation.Kind.INVALID, "The gate's decision has problems");
            if (extended == null && next.hasClosed(now)) {
                throw RuleViolation.conflict("Phase " + next.number + "'s window closed " + Windows.local(
                        next.closesAt, zone) + ": those continuing could not accept or hand in. Give"
                        + " nextPhaseClosesAt or nextPhaseLastDay to extend it.")
                        .as("next-phase-closed", "The next phase's window has closed");
            }
            if (extended != null) {
                next.closesAt = extended;
            }
            List<Participation> invited = new ArrayList<>();
            for (Participation x : f.in(ph)) {
                if (x.isIn()) {
                    x.outcome = continued.contains(x.id) ? GateOutcome.CONTINUED : GateOutcome.NOT_CONTINUED;
                    x.feedback = feedback.get(x.id);
                    if (continued.contains(x.id)) {
                        invited.add(invite(p.id, next, x.responseId, x.organisationId, x.organisationName,
                                x.memberOrgIds, x.consortiumJson, now));
                    }
                }
            }
            ph.decidedAt = now;
            ph.decidedBy = actor.subject();
            ph.decisionReasons = request.reasons().strip();
            p.advance(now);
            List<Participation> all = new ArrayList<>(f.participations());
            all.addAll(invited);
            return Participation.persist(invited).call(() -> Panache.getSession().chain(s -> s.flush()))
                    .chain(() -> Rfi.<Rfi>findById(p.rfiId)).chain(rfi -> {
                        ProcurementFile after = new ProcurementFile(p, f.phases(), all, f.contracts());
                        return trail.record(p.rfiId, null, actor, "GATE_DECIDED", null, "phase " + phase + ": "
                                + continued.size() + " of " + f.in(ph).stream().filter(Participation::isIn).count()
                                + " continue", now)
                                .call(() -> events.gateDecided(ProcurementMapper.toEvent(after, rfi.challengeId,
                                        ocid(p), zone)))
                                .call(() -> ocds.recordProcurement(after, rfi, extended == null
                                        ? List.of("tenderUpdate") : List.of("tenderUpdate", "tenderAmendment"), now))
                                .map(x -> ProcurementMapper.toView(after, ocid(p), actor.organisation(), zone, now));
                    });
        });
    }

    /**
     * The gate after the last phase: the award to one or more of its suppliers, each with its contract (value and
     * period), feedback for every supplier of the phase, the reasons on record. The contracts are announced
     * internally with the supplier, so finance-service can link an investment case to one.
     */
    @WithTransaction
    public Uni<ProcurementView> award(UUID id, AwardRequest request, Precondition ifMatch, Actor actor) {
        return Procurement.<Procurement>findById(id).chain(found -> {
            int last = found == null ? 0 : found.currentPhase;
            return decidable(id, last, ifMatch, actor);
        }).chain(f -> {
            Procurement p = f.procurement();
            Phase ph = f.phase(p.currentPhase);
            if (f.next(ph).isPresent()) {
                throw RuleViolation.conflict("Phase " + ph.number + " is not the last; decide its gate first (POST"
                        + " /api/v1/procurements/" + id + "/phases/" + ph.number + "/gate).")
                        .as("not-last-phase", "The award follows the last phase");
            }
            RuleViolation.Problems problems = new RuleViolation.Problems();
            Set<UUID> awarded = chosen(f, ph, request.awarded().stream().map(AwardInput::participationId).toList(),
                    "awarded", problems);
            for (int i = 0; i < request.awarded().size(); i++) {
                AwardInput a = request.awarded().get(i);
                if (!a.value().currency().getCurrencyCode().equals(ph.currency)) {
                    problems.add("awarded[" + i + "].value.currency", "the procurement is in " + ph.currency);
                }
                if (a.value().amount() != null && a.value().amount().signum() <= 0) {
                    problems.add("awarded[" + i + "].value.amount", "a contract has a value");
                }
                if (a.endsOn().isBefore(a.startsOn())) {
                    problems.add("awarded[" + i + "].endsOn", "the contract ends after it starts");
                }
            }
            BigDecimal total = request.awarded().stream().map(a -> a.value().amount()).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            if (total.compareTo(Money.MAX) > 0) {
                problems.add("awarded", "the awarded values add up to more than " + Money.MAX.toPlainString());
            }
            Map<UUID, String> feedback = feedback(f, ph, request.feedback(), awarded, problems);
            problems.throwIfAny(RuleViolation.Kind.INVALID, "The award has problems");
            Instant now = clock.instant();
            for (Participation x : f.in(ph)) {
                if (x.isIn()) {
                    x.outcome = awarded.contains(x.id) ? GateOutcome.AWARDED : GateOutcome.NOT_AWARDED;
                    x.feedback = feedback.get(x.id);
                }
            }
            List<ProcurementContract> contracts = request.awarded().stream().map(a -> contract(p, ph,
                    f.participation(a.participationId()), ContractKind.AWARD, a.value(), a, actor, now)).toList();
            ph.decidedAt = now;
            ph.decidedBy = actor.subject();
            ph.decisionReasons = request.reasons().strip();
            p.award(request.reasons().strip(), now);
            List<ProcurementContract> all = new ArrayList<>(f.contracts());
            all.addAll(contracts);
            return ProcurementContract.persist(contracts).call(() -> Panache.getSession().chain(s -> s.flush()))
                    .chain(() -> Rfi.<Rfi>findById(p.rfiId)).chain(rfi -> {
                        ProcurementFile after = new ProcurementFile(p, f.phases(), f.participations(), all);
                        Uni<Void> signed = Uni.createFrom().voidItem();
                        for (ProcurementContract c : contracts) {
                            signed = signed.call(() -> events.contractSigned(ProcurementMapper.toEvent(after, c,
                                    rfi.challengeId, ocid(p), zone)));
                        }
                        return signed.call(() -> trail.record(p.rfiId, null, actor, "AWARDED", null,
                                contracts.stream().map(c -> c.organisationName).collect(Collectors.joining(", ")),
                                now))
                                .call(() -> events.awarded(ProcurementMapper.toEvent(after, rfi.challengeId,
                                        ocid(p), zone)))
                                .call(() -> ocds.recordProcurement(after, rfi, List.of("award", "contract"), now))
                                .map(x -> ProcurementMapper.toView(after, ocid(p), actor.organisation(), zone, now));
                    });
        });
    }

    /**
     * A supplier's contract for a phase, recorded by the buying organisation until the phase's gate; the
     * procurement row is locked, so the phase's contracts never add up to more than its budget, however many
     * arrive at once, and a gate sees every contract signed before it.
     */
    @WithTransaction
    public Uni<ProcurementContractView> contract(UUID id, int phase, PhaseContractRequest request, Actor actor) {
        return Procurement.<Procurement>findById(id)
                .invoke(p -> requireOwner(p, actor))
                .call(p -> reread(p, LockModeType.PESSIMISTIC_WRITE))
                .chain(ProcurementService::file)
                .chain(f -> sign(f, phase, request, actor));
    }

    /** The phase contract in the locked procurement: the budget checked against every contract signed so far. */
    private Uni<ProcurementContractView> sign(ProcurementFile f, int phase, PhaseContractRequest request,
            Actor actor) {
        Procurement p = f.procurement();
        Phase ph = f.phase(phase);
        if (ph == null) {
            throw RuleViolation.notFound("phase");
        }
        if (ph.isDecided()) {
            throw gateDecided(ph);
        }
        Participation x = f.participation(request.participationId());
        RuleViolation.Problems problems = new RuleViolation.Problems();
        if (x == null || !x.phaseId.equals(ph.id)) {
            problems.add("participationId", "is not a supplier of phase " + phase);
        }
        if (!request.value().currency().getCurrencyCode().equals(ph.currency)) {
            problems.add("value.currency", "phase " + phase + " is budgeted in " + ph.currency);
        }
        if (request.value().amount() != null && request.value().amount().signum() <= 0) {
            problems.add("value.amount", "a contract has a value");
        }
        if (request.endsOn().isBefore(request.startsOn())) {
            problems.add("endsOn", "the contract ends after it starts");
        }
        problems.throwIfAny(RuleViolation.Kind.INVALID, "The contract has problems");
        if (!x.isIn()) {
            throw RuleViolation.conflict("Only a supplier that accepted its invitation gets a"
                    + " contract.").as("not-accepted", "The invitation was not accepted");
        }
        if (!f.contractsOf(ph, ContractKind.PHASE).stream()
                .filter(c -> c.participationId.equals(x.id)).toList().isEmpty()) {
            throw RuleViolation.conflict("This supplier has its contract for phase " + phase + ".")
                    .as("contract-exists", "The supplier has a contract");
        }
        BigDecimal contracted = f.contracted(ph).amount();
        BigDecimal left = ph.budget.subtract(contracted);
        if (request.value().amount().compareTo(left) > 0) {
            throw RuleViolation.conflict("Phase " + phase + "'s budget is " + ph.budget().amount()
                    + " " + ph.currency + "; " + contracted + " is contracted, " + left + " is left;"
                    + " nothing was recorded.").as("over-budget", "Beyond the phase's budget");
        }
        Instant now = clock.instant();
        // A new contract is a new state of the procurement: its ETag changes.
        p.updatedAt = now;
        ProcurementContract c = contract(p, ph, x, ContractKind.PHASE, request.value(),
                new AwardInput(x.id, request.value(), request.startsOn(), request.endsOn()), actor,
                now);
        List<ProcurementContract> all = new ArrayList<>(f.contracts());
        all.add(c);
        ProcurementFile after = new ProcurementFile(p, f.phases(), f.participations(), all);
        return c.persistAndFlush().chain(() -> Rfi.<Rfi>findById(p.rfiId))
                .call(rfi -> events.contractSigned(ProcurementMapper.toEvent(after, c, rfi.challengeId,
                        ocid(p), zone)))
                .call(rfi -> trail.record(p.rfiId, x.responseId, actor, "PHASE_CONTRACT_SIGNED", null,
                        "phase " + phase + ": " + c.value + " " + c.currency, now))
                .call(rfi -> ocds.recordProcurement(after, rfi, List.of("award", "contract"), now))
                .map(rfi -> ProcurementMapper.contract(after, c, zone));
    }

    private static ProcurementContract contract(Procurement p, Phase ph, Participation x, ContractKind kind,
            Money value, AwardInput period, Actor actor, Instant now) {
        ProcurementContract c = new ProcurementContract();
        c.id = UUID.randomUUID();
        c.procurementId = p.id;
        c.phaseId = ph.id;
        c.kind = kind;
        c.participationId = x.id;
        c.responseId = x.responseId;
        c.organisationId = x.organisationId;
        c.organisationName = x.organisationName;
        c.value = value.amount();
        c.currency = value.currency().getCurrencyCode();
        c.startsOn = period.startsOn();
        c.endsOn = period.endsOn();
        c.signedAt = now;
        c.signedBy = actor.subject();
        return c;
    }

    /**
     * The procurement locked for its gate after {@code phase}: the buying organisation only (a co-buyer scores
     * but does not decide: 403), the ETag it read, the phase current and closed.
     */
    private Uni<ProcurementFile> decidable(UUID id, int phase, Precondition ifMatch, Actor actor) {
        return Procurement.<Procurement>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            requireOwner(p, actor);
            ifMatch.require(p.version);
            if (phase < 1) {
                throw RuleViolation.notFound("phase");
            }
            return file(p).map(f -> {
                Phase ph = f.phase(phase);
                if (ph == null) {
                    throw RuleViolation.notFound("phase");
                }
                p.requireGateOf(phase);
                Instant now = clock.instant();
                if (!ph.hasClosed(now)) {
                    throw RuleViolation.conflict("Phase " + phase + " closes " + Windows.local(ph.closesAt, zone)
                            + "; its gate is decided after that.").as("phase-open", "The phase is still open");
                }
                return f;
            });
        });
    }

    /** The suppliers a gate names: each once, of this phase, accepted and with a deliverable. */
    private static Set<UUID> chosen(ProcurementFile f, Phase ph, List<UUID> ids, String field,
            RuleViolation.Problems problems) {
        Set<UUID> chosen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Participation x = f.participation(ids.get(i));
            String at = field + "[" + i + "]";
            if (x == null || !x.phaseId.equals(ph.id)) {
                problems.add(at, "is not a supplier of phase " + ph.number);
            } else if (!x.isIn()) {
                problems.add(at, x.organisationName + " did not accept its invitation to phase " + ph.number);
            } else if (x.deliverable == null) {
                problems.add(at, x.organisationName + " handed in no deliverable in phase " + ph.number);
            } else if (!chosen.add(x.id)) {
                problems.add(at, "is named twice");
            }
        }
        return chosen;
    }

    /** Feedback per supplier of the phase; every accepted supplier that does not go on must be told why. */
    private static Map<UUID, String> feedback(ProcurementFile f, Phase ph, List<FeedbackInput> given,
            Set<UUID> chosen, RuleViolation.Problems problems) {
        Map<UUID, String> feedback = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            FeedbackInput in = given.get(i);
            Participation x = f.participation(in.participationId());
            if (x == null || !x.phaseId.equals(ph.id) || !x.isIn()) {
                problems.add("feedback[" + i + "].participationId", "is not an accepted supplier of phase "
                        + ph.number);
            } else if (feedback.put(x.id, in.feedback().strip()) != null) {
                problems.add("feedback[" + i + "].participationId", "has feedback twice");
            }
        }
        for (Participation x : f.in(ph)) {
            if (x.isIn() && !chosen.contains(x.id) && !feedback.containsKey(x.id)) {
                problems.add("feedback", x.organisationName + " (" + x.id + ") does not go on and needs feedback");
            }
        }
        return feedback;
    }

    static Uni<ProcurementFile> file(Procurement p) {
        return Phase.<Phase>list("procurementId", p.id).chain(phases -> Participation.<Participation>list(
                "procurementId", p.id).chain(parts -> ProcurementContract.<ProcurementContract>list(
                "procurementId", p.id).map(contracts -> new ProcurementFile(p, phases, parts, contracts))));
    }

    /**
     * An entity of this session locked and read again. Not a lock of the entity as first read: Hibernate would
     * compare versions, and a change committed meanwhile would be a 412 where waiting for it is right.
     */
    private static Uni<Void> reread(Object entity, LockModeType mode) {
        return Panache.getSession().chain(s -> s.refresh(entity, mode));
    }

    /** The procurement in share mode, read-only in the session (as {@link Rfis#shareLocked}); absent: 404. */
    private static Uni<Procurement> shareLocked(UUID id) {
        return Panache.getSession().chain(s -> s.find(Procurement.class, id, LockModeType.PESSIMISTIC_READ)
                .invoke(p -> {
                    if (p == null) {
                        throw RuleViolation.notFound("procurement");
                    }
                    s.setReadOnly(p, true);
                }));
    }

    private static void requireOwner(Procurement p, Actor actor) {
        actor.partyOrNotFound(p, Procurement::buyers, "procurement");
        if (!actor.isOwnOrganisation(p.ownerOrgId)) {
            throw RuleViolation.forbidden("buyer-only", "The buying organisation (" + p.ownerOrgName + ") decides"
                    + " gates and contracts; co-buyers evaluate");
        }
    }

    String ocid(Procurement p) {
        return ocds.ocid(p.id);
    }

    private RuleViolation phaseClosed(Phase ph) {
        return RuleViolation.conflict("Phase " + ph.number + " closed " + Windows.local(ph.closesAt, zone)
                + "; nothing was changed.").as("phase-closed", "The phase is closed");
    }

    private static RuleViolation gateDecided(Phase ph) {
        return RuleViolation.conflict("The gate after phase " + ph.number + " was decided; nothing was changed.")
                .as("gate-decided", "The gate was decided");
    }

    private static String name(Participation x) {
        return x.organisationName == null ? "" : x.organisationName;
    }

    private static <T> Uni<T> notFound() {
        return Uni.createFrom().failure(RuleViolation.notFound("participation"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
