package se.utfall.rfi.mapping;

import se.utfall.money.Money;
import se.utfall.rfi.api.EvaluationView;
import se.utfall.rfi.api.ParticipationView;
import se.utfall.rfi.api.PhaseView;
import se.utfall.rfi.api.ProcurementContractView;
import se.utfall.rfi.api.ProcurementView;
import se.utfall.rfi.domain.Criterion;
import se.utfall.rfi.domain.Evaluation;
import se.utfall.rfi.domain.GateOutcome;
import se.utfall.rfi.domain.Participation;
import se.utfall.rfi.domain.ParticipationStatus;
import se.utfall.rfi.domain.Phase;
import se.utfall.rfi.domain.PhaseScore;
import se.utfall.rfi.domain.ProcurementContract;
import se.utfall.rfi.domain.ProcurementFile;
import se.utfall.rfi.domain.Windows;
import se.utfall.rfi.messaging.ProcurementContractEventData;
import se.utfall.rfi.messaging.ProcurementEventData;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Procurements to views and events: the public state, a supplier's own view, the buyers' view with scores. */
public final class ProcurementMapper {
    private ProcurementMapper() {
    }

    /**
     * The procurement as {@code viewer} (an organisation, or null) reads it: a gate's reasons go to the buyers and
     * to the suppliers of that phase only; everything else is public.
     */
    public static ProcurementView toView(ProcurementFile f, String ocid, UUID viewer, ZoneId zone, Instant now) {
        var p = f.procurement();
        boolean buyer = f.isBuyer(viewer);
        return new ProcurementView(p.id, p.rfiId, ocid, p.ownerOrgId, p.ownerOrgName, List.copyOf(p.coBuyerOrgIds),
                p.title, p.description, p.status, p.currentPhase,
                f.phases().stream().map(ph -> phase(f, ph, buyer || f.isIn(ph, viewer), zone, now)).toList(),
                f.contracts().stream().map(c -> contract(f, c, zone)).toList(), p.version,
                Windows.local(p.createdAt, zone), Windows.local(p.awardedAt, zone),
                buyer || f.isIn(f.last(), viewer) ? p.awardReasons : null);
    }

    private static PhaseView phase(ProcurementFile f, Phase ph, boolean party, ZoneId zone, Instant now) {
        List<Participation> in = f.in(ph);
        return new PhaseView(ph.id, ph.number, ph.name, ph.description, ph.budget(), ph.maxSuppliers,
                Windows.local(ph.opensAt, zone), Windows.local(ph.closesAt, zone), Windows.dayOf(ph.opensAt, zone),
                Windows.lastDayBefore(ph.closesAt, zone), ph.isOpen(now) && f.procurement().currentPhase == ph.number,
                RfiMapper.criterionViews(ph.criteria()), ph.deliverables(), in.size(),
                (int) in.stream().filter(x -> x.status == ParticipationStatus.ACCEPTED).count(), f.contracted(ph),
                Windows.local(ph.decidedAt, zone), party ? ph.decisionReasons : null);
    }

    public static ProcurementContractView contract(ProcurementFile f, ProcurementContract c, ZoneId zone) {
        Phase ph = f.phases().stream().filter(x -> x.id.equals(c.phaseId)).findFirst().orElse(f.last());
        return new ProcurementContractView(c.id, c.kind, ph.number, c.participationId, c.organisationId,
                c.organisationName, c.value(), c.startsOn, c.endsOn, Windows.local(c.signedAt, zone));
    }

    /**
     * A supplier in a phase. Its own parties read the outcome and feedback once the gate is decided; buyers read
     * them always, with the scores ({@code scores} null for a supplier).
     */
    public static ParticipationView toView(ProcurementFile f, Participation x, List<PhaseScore> scores,
            ZoneId zone) {
        Phase ph = f.phaseOf(x);
        boolean buyer = scores != null;
        boolean released = buyer || ph.isDecided();
        Evaluation.Result result = buyer ? Evaluation.ofMarks(ph.criteria(), scores.stream()
                .map(PhaseScore::mark).toList()) : null;
        return new ParticipationView(x.id, x.procurementId, ph.number, ph.name, x.responseId, x.organisationId,
                x.organisationName, RfiMapper.memberViews(x.consortium()), x.status,
                Windows.local(x.invitedAt, zone), Windows.local(x.answeredAt, zone), x.deliverable,
                Windows.local(x.deliveredAt, zone), released ? x.outcome : null, released ? x.feedback : null,
                buyer ? result.weightedTotal() : null, buyer ? criterionScores(ph.criteria(), scores, result, zone)
                        : null, x.version);
    }

    private static List<EvaluationView.CriterionScores> criterionScores(List<Criterion> criteria,
            List<PhaseScore> scores, Evaluation.Result result, ZoneId zone) {
        return criteria.stream().map(c -> new EvaluationView.CriterionScores(c.id(), c.name(), c.weight(),
                result.criterionMeans().get(c.id()), scores.stream().filter(s -> s.criterionId.equals(c.id()))
                .map(s -> new EvaluationView.ScoreView(s.evaluator, s.evaluatorName, s.score, s.comment,
                        Windows.local(s.scoredAt, zone))).toList())).toList();
    }

    /** The public event data: counts and money, never which supplier. */
    public static ProcurementEventData toEvent(ProcurementFile f, UUID challengeId, String ocid, ZoneId zone) {
        var p = f.procurement();
        List<ProcurementEventData.PhaseData> phases = f.phases().stream().map(ph -> {
            List<Participation> in = f.in(ph);
            Integer continued = ph.isDecided() ? (int) in.stream().filter(x -> x.outcome == GateOutcome.CONTINUED
                    || x.outcome == GateOutcome.AWARDED).count() : null;
            return new ProcurementEventData.PhaseData(ph.number, ph.name, ph.budget(), ph.maxSuppliers,
                    Windows.local(ph.opensAt, zone), Windows.local(ph.closesAt, zone), in.size(),
                    (int) in.stream().filter(x -> x.status == ParticipationStatus.ACCEPTED).count(), continued,
                    f.contracted(ph), Windows.local(ph.decidedAt, zone));
        }).toList();
        Money awarded = f.awards().isEmpty() ? null : ProcurementFile.sum(f.awards(), f.last().currency);
        return new ProcurementEventData(p.id, p.rfiId, challengeId, ocid, p.ownerOrgId, p.title, p.status.name(),
                p.currentPhase, phases, awarded, p.version, Windows.local(p.awardedAt, zone));
    }

    public static ProcurementContractEventData toEvent(ProcurementFile f, ProcurementContract c, UUID challengeId,
            String ocid, ZoneId zone) {
        Participation x = f.participation(c.participationId);
        Phase ph = f.phaseOf(x);
        return new ProcurementContractEventData(c.id, c.procurementId, f.procurement().rfiId, challengeId, ocid,
                c.kind.name(), ph.number, c.responseId, c.organisationId, c.organisationName,
                List.copyOf(x.memberOrgIds), c.value(), c.startsOn, c.endsOn, Windows.local(c.signedAt, zone));
    }

}
