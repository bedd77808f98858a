package se.utfall.finance.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A contract's rate card as signed: per outcome goal a price per verified unit, its cap and minimum; the payers. */
public record Terms(List<MetricTerm> metrics, BigDecimal overallCap, List<PayerTerm> payers,
        BigDecimal returnCapPercent) {

    public record MetricTerm(UUID goalId, BigDecimal pricePerUnit, BigDecimal cap, BigDecimal minimumUnits) {
    }

    public record PayerTerm(UUID organisationId, BigDecimal share, BigDecimal cap) {
    }

    /** The terms a rate card and a return cap make. */
    public static Terms of(PaymentEngine.RateCard card, BigDecimal returnCapPercent) {
        return new Terms(card.metrics().stream().map(m -> new MetricTerm(m.metricId(), m.pricePerUnit(), m.cap(),
                m.minimumUnits())).toList(), card.overallCap(), card.payers().stream().map(p -> new PayerTerm(
                p.payerOrgId(), p.share(), p.cap())).toList(), returnCapPercent);
    }

    public PaymentEngine.RateCard rateCard() {
        return new PaymentEngine.RateCard(metrics.stream().map(m -> new PaymentEngine.MetricPrice(m.goalId(),
                m.pricePerUnit(), m.cap(), m.minimumUnits())).toList(), overallCap, payers.stream()
                .map(p -> new PaymentEngine.Payer(p.organisationId(), p.share(), p.cap())).toList());
    }

    public List<UUID> goalIds() {
        return metrics.stream().map(MetricTerm::goalId).toList();
    }
}
