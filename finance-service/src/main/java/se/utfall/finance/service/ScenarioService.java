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
import java.util.List;
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

    static ScenarioView play(InvestmentCase c, List<Commitment> commitments, ScenarioRequest r) {
        RuleViolation.Problems p = new RuleViolation.Problems();
        List<PaymentEngine.MetricPrice> metrics = new ArrayList<>();
        for (int i = 0; i < r.metrics().size(); i++) {
            ScenarioRequest.MetricPrice m = r.metrics().get(i);
            if (!c.goalIds().contains(m.goalId())) {
                p.add("metrics[" + i + "].goalId", "is not an outcome goal of the case");
            }
            currency(p, c, m.pricePerUnit(), "metrics[" + i + "].pricePerUnit.currency");
            currency(p, c, m.cap(), "metrics[" + i + "].cap.currency");
            metrics.add(new PaymentEngine.MetricPrice(m.goalId(), m.pricePerUnit().amount(), m.cap().amount(),
                    m.minimumUnits()));
        }
        currency(p, c, r.overallCap(), "overallCap.currency");
        List<PaymentEngine.Payer> payers = new ArrayList<>();
        if (r.payers() == null || r.payers().isEmpty()) {
            payers.add(new PaymentEngine.Payer(c.buyerOrgId, BigDecimal.ONE, r.overallCap().amount()));
        } else {
            for (int i = 0; i < r.payers().size(); i++) {
                ScenarioRequest.Payer payer = r.payers().get(i);
                currency(p, c, payer.cap(), "payers[" + i + "].cap.currency");
                payers.add(new PaymentEngine.Payer(payer.organisationId(), payer.share(), payer.cap().amount()));
            }
        }
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
        PaymentEngine.RateCard card = new PaymentEngine.RateCard(metrics, r.overallCap().amount(), payers);
        BigDecimal cap = r.returnCapPercent().movePointLeft(2);
        List<Waterfall.Position> positions = commitments.stream().map(m -> new Waterfall.Position(m.investorOrgId,
                m.tranche, m.amount, m.tranche == Tranche.GRANT ? BigDecimal.ZERO
                        : m.amount.multiply(cap).setScale(2, RoundingMode.HALF_EVEN))).toList();
        List<ScenarioView.PathResult> results = new ArrayList<>();
        for (ScenarioRequest.Path path : r.paths()) {
            Scenario.Result s = Scenario.play(card, positions, path.unitsPerPeriod());
            List<ScenarioView.PayerAmount> paidBy = new ArrayList<>();
            for (int i = 0; i < payers.size(); i++) {
                paidBy.add(new ScenarioView.PayerAmount(payers.get(i).payerOrgId(), money(c, s.perPayer().get(i))));
            }
            results.add(new ScenarioView.PathResult(path.name(), money(c, s.paid()), paidBy,
                    s.positions().stream().map(x -> new ScenarioView.InvestorResult(x.position().investorOrgId(),
                            x.position().tranche(), money(c, x.committed()), money(c, x.principalBack()),
                            money(c, x.returnBack()), x.multiple())).toList(), money(c, s.toProvider())));
        }
        return new ScenarioView(c.id, results);
    }

    private static void currency(RuleViolation.Problems p, InvestmentCase c, Money m, String field) {
        if (!m.currency().getCurrencyCode().equals(c.currency)) {
            p.add(field, "must be " + c.currency + ", the case's currency");
        }
    }

    private static Money money(InvestmentCase c, BigDecimal amount) {
        return Money.ofNullable(amount, c.currency);
    }
}
