package se.utfall.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A contract's terms as signed or varied: per outcome goal a price per verified unit, its cap and minimum; the
 * overall cap; the payers; the investors' return cap; the base payment (a share of the overall cap, paid in equal
 * parts at the payment points for delivery as planned, as Norrköping's 40 %); the payment points (interim ones and
 * one final); and what an early termination pays for each trigger.
 *
 * <p>In the payment engine the base payment is a metric of its own, {@link #BASE}, placed first (so an overall or
 * payer cap cuts the outcome metrics before it), and a termination's compensation is the metric
 * {@link #TERMINATION}.
 */
public record Terms(List<MetricTerm> metrics, BigDecimal overallCap, List<PayerTerm> payers,
        BigDecimal returnCapPercent, BigDecimal basePaymentPercent, List<PaymentPoint> paymentPoints,
        List<TerminationRule> terminationRules) {
    public static final UUID BASE = new UUID(0, 1);
    public static final UUID TERMINATION = new UUID(0, 2);

    public record MetricTerm(UUID goalId, BigDecimal pricePerUnit, BigDecimal cap, BigDecimal minimumUnits) {
    }

    public record PayerTerm(UUID organisationId, BigDecimal share, BigDecimal cap) {
    }

    public record PaymentPoint(String period, PointKind kind) {
    }

    public record TerminationRule(TerminationTrigger trigger, Compensation compensation) {
    }

    /** The rules when a contract names none: the payer ending it for convenience repays the principal. */
    public static final List<TerminationRule> DEFAULT_RULES = List.of(
            new TerminationRule(TerminationTrigger.PAYER_CONVENIENCE, Compensation.OUTSTANDING_PRINCIPAL),
            new TerminationRule(TerminationTrigger.PROVIDER_FAILURE, Compensation.NONE),
            new TerminationRule(TerminationTrigger.FORCE_MAJEURE, Compensation.OUTSTANDING_PRINCIPAL),
            new TerminationRule(TerminationTrigger.OUTCOMES_UNACHIEVABLE, Compensation.NONE));

    public Terms {
        basePaymentPercent = basePaymentPercent == null ? BigDecimal.ZERO : basePaymentPercent;
        paymentPoints = paymentPoints == null ? List.of() : List.copyOf(paymentPoints);
        terminationRules = terminationRules == null || terminationRules.isEmpty() ? DEFAULT_RULES
                : List.copyOf(terminationRules);
    }

    /** The terms a rate card and the rest make. */
    public static Terms of(PaymentEngine.RateCard card, BigDecimal returnCapPercent, BigDecimal basePaymentPercent,
            List<PaymentPoint> points, List<TerminationRule> rules) {
        return new Terms(card.metrics().stream().map(m -> new MetricTerm(m.metricId(), m.pricePerUnit(), m.cap(),
                m.minimumUnits())).toList(), card.overallCap(), card.payers().stream().map(p -> new PayerTerm(
                p.payerOrgId(), p.share(), p.cap())).toList(), returnCapPercent, basePaymentPercent, points, rules);
    }

    /** The outcome metrics' rate card, without a base payment. */
    public PaymentEngine.RateCard rateCard() {
        return new PaymentEngine.RateCard(outcomeMetrics(), overallCap, enginePayers());
    }

    /**
     * The rate card a claim at {@code period} is paid by: the base payment's part for this point (price of one
     * unit, delivered as planned) first, then the outcome metrics.
     */
    public PaymentEngine.RateCard rateCardAt(String period) {
        List<PaymentEngine.MetricPrice> all = new ArrayList<>();
        BigDecimal base = basePayment();
        if (base.signum() > 0) {
            all.add(new PaymentEngine.MetricPrice(BASE, baseInstalment(period), base, null));
        }
        all.addAll(outcomeMetrics());
        return new PaymentEngine.RateCard(all, overallCap, enginePayers());
    }

    /** The rate card of a termination: its compensation as one metric, within the overall and payer caps. */
    public PaymentEngine.RateCard terminationCard(BigDecimal compensation) {
        return new PaymentEngine.RateCard(List.of(new PaymentEngine.MetricPrice(TERMINATION, compensation,
                compensation, null)), overallCap, enginePayers());
    }

    /** The base payment over the contract: its share of the overall cap, rounded half-even to öre. */
    public BigDecimal basePayment() {
        return overallCap.multiply(basePaymentPercent).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** This point's part of the base payment: equal parts, exact to the öre ({@link Split}); 0 off the schedule. */
    public BigDecimal baseInstalment(String period) {
        int index = pointIndex(period);
        if (index < 0 || basePayment().signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return Split.proRata(basePayment(), Collections.nCopies(paymentPoints.size(), BigDecimal.ONE)).get(index);
    }

    public int pointIndex(String period) {
        for (int i = 0; i < paymentPoints.size(); i++) {
            if (paymentPoints.get(i).period().equals(period)) {
                return i;
            }
        }
        return -1;
    }

    public boolean isFinal(String period) {
        int i = pointIndex(period);
        return i >= 0 && paymentPoints.get(i).kind() == PointKind.FINAL;
    }

    public Compensation compensationFor(TerminationTrigger trigger) {
        return terminationRules.stream().filter(r -> r.trigger() == trigger).map(TerminationRule::compensation)
                .findFirst().orElse(Compensation.NONE);
    }

    public List<UUID> goalIds() {
        return metrics.stream().map(MetricTerm::goalId).toList();
    }

    private List<PaymentEngine.MetricPrice> outcomeMetrics() {
        return metrics.stream().map(m -> new PaymentEngine.MetricPrice(m.goalId(), m.pricePerUnit(), m.cap(),
                m.minimumUnits())).toList();
    }

    private List<PaymentEngine.Payer> enginePayers() {
        return payers.stream().map(p -> new PaymentEngine.Payer(p.organisationId(), p.share(), p.cap())).toList();
    }
}
