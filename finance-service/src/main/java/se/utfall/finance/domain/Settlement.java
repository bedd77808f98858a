package se.utfall.finance.domain;

import se.utfall.web.json.JsonText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A payment computed against everything paid before it: what the rate card makes due (within what is left of every
 * cap), and its distribution through the waterfall to the positions still owed principal or return. Amounts paid
 * before are summed by metric id and payer organisation, so a variation that reorders or adds metrics or payers
 * keeps every cap whole.
 */
public final class Settlement {
    private Settlement() {
    }

    /** What was paid before, in the card's order of metrics and payers. */
    public static PaymentEngine.Paid paidBefore(PaymentEngine.RateCard card, List<Payment> before) {
        Map<UUID, BigDecimal> metric = new LinkedHashMap<>();
        Map<UUID, BigDecimal> payer = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Payment p : before) {
            p.perMetricMap().forEach((k, v) -> metric.merge(k, v, BigDecimal::add));
            p.perPayerMap().forEach((k, v) -> payer.merge(k, v, BigDecimal::add));
            total = total.add(p.total);
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new PaymentEngine.Paid(card.metrics().stream().map(m -> metric.getOrDefault(m.metricId(), zero))
                .toList(), total, card.payers().stream().map(p -> payer.getOrDefault(p.payerOrgId(), zero)).toList());
    }

    /**
     * Each active commitment's position: its principal less what came back, and its return cap ({@code
     * returnCapPercent} of the principal, none for a GRANT) less the returns paid.
     */
    public static List<Waterfall.Position> positions(List<Commitment> commitments, List<Payment> before,
            BigDecimal returnCapPercent) {
        Map<UUID, BigDecimal[]> back = backToInvestors(before);
        BigDecimal cap = returnCapPercent.movePointLeft(2);
        List<Waterfall.Position> positions = new ArrayList<>();
        for (Commitment m : commitments) {
            BigDecimal[] sums = back.getOrDefault(m.investorOrgId, new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
            BigDecimal returnCap = m.tranche == Tranche.GRANT ? BigDecimal.ZERO
                    : m.amount.multiply(cap).setScale(2, RoundingMode.HALF_EVEN);
            positions.add(new Waterfall.Position(m.investorOrgId, m.tranche,
                    m.amount.subtract(sums[0]).max(BigDecimal.ZERO), returnCap.subtract(sums[1])
                            .max(BigDecimal.ZERO)));
        }
        return positions;
    }

    /** Per investor organisation: principal [0] and returns [1] paid so far. */
    public static Map<UUID, BigDecimal[]> backToInvestors(List<Payment> payments) {
        Map<UUID, BigDecimal[]> back = new LinkedHashMap<>();
        for (Payment p : payments) {
            for (Payment.Part part : p.parts()) {
                if (part.tranche() != null) {
                    BigDecimal[] sums = back.computeIfAbsent(part.organisationId(),
                            o -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
                    sums[0] = sums[0].add(part.principal());
                    sums[1] = sums[1].add(part.returns());
                }
            }
        }
        return back;
    }

    /**
     * The payment {@code units} (per metric of {@code card}) make due after {@code before}, distributed to
     * {@code commitments} and the provider; kind, claim and period are the caller's to set.
     */
    public static Payment pay(InvestmentCase c, PaymentEngine.RateCard card, List<BigDecimal> units,
            List<Payment> before, List<Commitment> commitments, BigDecimal returnCapPercent, int termsNumber,
            Instant now) {
        PaymentEngine.Due due = PaymentEngine.due(card, paidBefore(card, before), units);
        List<Waterfall.Position> positions = positions(commitments, before, returnCapPercent);
        Waterfall.Distribution d = Waterfall.distribute(due.total(), positions);
        List<Payment.Part> parts = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            parts.add(new Payment.Part(positions.get(i).investorOrgId(), positions.get(i).tranche(),
                    d.principal().get(i), d.returns().get(i)));
        }
        parts.add(new Payment.Part(c.providerOrgId, null, d.toProvider(), BigDecimal.ZERO.setScale(2)));
        Map<UUID, BigDecimal> perMetric = new LinkedHashMap<>();
        for (int i = 0; i < card.metrics().size(); i++) {
            perMetric.put(card.metrics().get(i).metricId(), due.perMetric().get(i));
        }
        Map<UUID, BigDecimal> perPayer = new LinkedHashMap<>();
        for (int i = 0; i < card.payers().size(); i++) {
            perPayer.merge(card.payers().get(i).payerOrgId(), due.perPayer().get(i), BigDecimal::add);
        }
        Payment pay = new Payment();
        pay.id = UUID.randomUUID();
        pay.caseId = c.id;
        pay.kind = Payment.OUTCOME;
        pay.total = due.total();
        pay.currency = c.currency;
        pay.perMetric = JsonText.write(perMetric);
        pay.perPayer = JsonText.write(perPayer);
        pay.distribution = JsonText.write(parts);
        pay.termsNumber = termsNumber;
        pay.createdAt = now;
        return pay;
    }
}
