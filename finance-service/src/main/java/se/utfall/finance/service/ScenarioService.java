package se.utfall.finance.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import se.utfall.finance.api.ScenarioRequest;
import se.utfall.finance.api.ScenarioView;
import se.utfall.finance.domain.Commitment;
import se.utfall.finance.domain.CommitmentStatus;
import se.utfall.finance.domain.InvestmentCase;
import se.utfall.finance.domain.PaymentEngine;
import se.utfall.finance.domain.Scenario;
import se.utfall.finance.domain.Tranche;
import se.utfall.finance.domain.Waterfall;
import se.utfall.money.Money;
import se.utfall.web.problem.RuleViolation;
import se.utfall.web.security.Actor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The scenario preview: a draft rate card and low / expected / high outcome paths played through the payment
 * engine and the waterfall with the case's active commitments, before anyone signs. Changes nothing.
 */
@ApplicationScoped
public class ScenarioService {

    @WithSession
    public Uni<ScenarioView> preview(UUID caseId, ScenarioRequest request, Actor actor,
            boolean coordinator) {
        return CaseService.managed(caseId, actor, coordinator).chain(c -> Commitment.<Commitment>list(
                "caseId = ?1 and status = ?2 order by createdAt, id", c.id, CommitmentStatus.ACTIVE)
                .map(commitments -> play(c, commitments, request)));
    }

    /**
     * A draft rate card in the case's terms (the buyer alone pays when no payer is named); adds a problem for each
     * goal that is not the case's and each amount in another currency. The one check of a scenario and a contract.
     */
    static PaymentEngine.RateCard rateCard(InvestmentCase c, List<ScenarioRequest.MetricPrice> ms, Money overallCap,
            List<ScenarioRequest.Payer> ps, RuleViolation.Problems p) {
        List<PaymentEngine.MetricPrice> metrics = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ms.size(); i++) {
            ScenarioRequest.MetricPrice m = ms.get(i);
            if (!c.goalIds().contains(m.goalId())) {
                p.add("metrics[" + i + "].goalId", "is not an outcome goal of the case");
            } else if (!seen.add(m.goalId())) {
                p.add("metrics[" + i + "].goalId", "is priced twice");
            }
            currency(p, c, m.pricePerUnit(), "metrics[" + i + "].pricePerUnit.currency");
            currency(p, c, m.cap(), "metrics[" + i + "].cap.currency");
            metrics.add(new PaymentEngine.MetricPrice(m.goalId(), m.pricePerUnit().amount(), m.cap().amount(),
                    m.minimumUnits()));
        }
        currency(p, c, overallCap, "overallCap.currency");
        List<PaymentEngine.Payer> payers = new ArrayList<>();
        if (ps == null || ps.isEmpty()) {
            payers.add(new PaymentEngine.Payer(c.buyerOrgId, BigDecimal.ONE, overallCap.amount()));
        } else {
            Set<UUID> payersSeen = new HashSet<>();
            for (int i = 0; i < ps.size(); i++) {
                ScenarioRequest.Payer payer = ps.get(i);
                if (!payersSeen.add(payer.organisationId())) {
                    p.add("payers[" + i + "].organisationId", "is named twice");
                }
                currency(p, c, payer.cap(), "payers[" + i + "].cap.currency");
                payers.add(new PaymentEngine.Payer(payer.organisationId(), payer.share(), payer.cap().amount()));
            }
        }
        return new PaymentEngine.RateCard(metrics, overallCap.amount(), payers);
    }

    static ScenarioView play(InvestmentCase c, List<Commitment> commitments, ScenarioRequest r) {
        RuleViolation.Problems p = new RuleViolation.Problems();
        PaymentEngine.RateCard card = rateCard(c, r.metrics(), r.overallCap(), r.payers(), p);
        List<PaymentEngine.MetricPrice> metrics = card.metrics();
        List<PaymentEngine.Payer> payers = card.payers();
        for (int i = 0; i < r.paths().size(); i++) {
            List<List<BigDecimal>> periods = r.paths().get(i).unitsPerPeriod();
            for (int k = 0; k < periods.size(); k++) {
                if (periods.get(k).size() != metrics.size()) {
                    p.add("paths[" + i + "].unitsPerPeriod[" + k + "]", "needs one number per metric ("
                            + metrics.size() + ")");
                }
            }
        }
        p.throwIfAny(RuleViolation.Kind.INVALID, "The scenario has invalid fields");
        BigDecimal cap = r.returnCapPercent().movePointLeft(2);
        List<Waterfall.Position> positions = commitments.stream().map(m -> new Waterfall.Position(m.investorOrgId,
                m.tranche, m.amount, m.tranche == Tranche.GRANT ? BigDecimal.ZERO
                        : m.amount.multiply(cap).setScale(2, RoundingMode.HALF_EVEN))).toList();
        List<ScenarioView.PathResult> results = new ArrayList<>();
        for (ScenarioRequest.Path path : r.paths()) {
            Scenario.Result s = Scenario.play(card, positions, path.unitsPerPeriod());
            List<ScenarioView.PayerAmount> paidBy = new ArrayList<>();
            for (int i = 0; i < payers.size(); i++) {
                paidBy.add(new ScenarioView.PayerAmount(payers.get(i).payerOrgId(), c.money(s.perPayer().get(i))));
            }
            results.add(new ScenarioView.PathResult(path.name(), c.money(s.paid()), paidBy,
                    s.positions().stream().map(x -> new ScenarioView.InvestorResult(x.position().investorOrgId(),
                            x.position().tranche(), c.money(x.committed()), c.money(x.principalBack()),
                            c.money(x.returnBack()), x.multiple())).toList(), c.money(s.toProvider())));
        }
        return new ScenarioView(c.id, results);
    }

    private static void currency(RuleViolation.Problems p, InvestmentCase c, Money m, String field) {
        if (!m.currency().getCurrencyCode().equals(c.currency)) {
            p.add(field, "must be " + c.currency + ", the case's currency");
        }
    }

}
