package se.utfall.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a verified claim pays, by the contract's rate card: per metric the verified units times its price (rounded
 * half-even to öre, once), nothing below its minimum, never above what is left of its cap; all together never above
 * what is left of the overall cap; shared among the payers by their shares (exact to the öre, see {@link Split}),
 * none above what is left of its own cap. When a cap binds, the metrics are paid in the rate card's order and the
 * later ones are reduced first. All amounts are in the contract's currency, two decimals.
 */
public final class PaymentEngine {
    private PaymentEngine() {
    }

    /** A metric's price: per unit, its cap over the contract, and the units below which nothing is paid. */
    public record MetricPrice(UUID metricId, BigDecimal pricePerUnit, BigDecimal cap, BigDecimal minimumUnits) {
    }

    /** A payer's share of every payment and its own cap over the contract. */
    public record Payer(UUID payerOrgId, BigDecimal share, BigDecimal cap) {
    }

    /** The rate card in force. */
    public record RateCard(List<MetricPrice> metrics, BigDecimal overallCap, List<Payer> payers) {
    }

    /** What was paid before this claim: per metric (rate-card order), in all, and per payer (payer order). */
    public record Paid(List<BigDecimal> perMetric, BigDecimal total, List<BigDecimal> perPayer) {
        public static Paid nothing(RateCard card) {
            return new Paid(card.metrics().stream().map(m -> BigDecimal.ZERO.setScale(2)).toList(),
                    BigDecimal.ZERO.setScale(2), card.payers().stream().map(p -> BigDecimal.ZERO.setScale(2)).toList());
        }
    }

    /** The payment due for a claim: per metric, in all, per payer; every list sums exactly to {@code total}. */
    public record Due(List<BigDecimal> perMetric, BigDecimal total, List<BigDecimal> perPayer) {
    }

    /** {@code units}: the verified units per metric, in rate-card order (0 for a metric not claimed). */
    public static Due due(RateCard card, Paid paid, List<BigDecimal> units) {
        List<BigDecimal> perMetric = new ArrayList<>();
        for (int i = 0; i < card.metrics().size(); i++) {
            MetricPrice m = card.metrics().get(i);
            BigDecimal u = units.get(i);
            BigDecimal earned = m.minimumUnits() != null && u.compareTo(m.minimumUnits()) < 0 ? BigDecimal.ZERO
                    : u.multiply(m.pricePerUnit()).setScale(2, RoundingMode.HALF_EVEN);
            perMetric.add(clamp(earned, m.cap().subtract(paid.perMetric().get(i))));
        }
        BigDecimal total = reduceTo(perMetric, card.overallCap().subtract(paid.total()));
        // The payers' shares of that total; a payer whose cap binds pays only what is left of it.
        List<BigDecimal> perPayer = Split.proRata(total, card.payers().stream().map(Payer::share).toList());
        BigDecimal payable = BigDecimal.ZERO.setScale(2);
        for (int p = 0; p < perPayer.size(); p++) {
            BigDecimal left = card.payers().get(p).cap().subtract(paid.perPayer().get(p));
            perPayer.set(p, clamp(perPayer.get(p), left));
            payable = payable.add(perPayer.get(p));
        }
        total = reduceTo(perMetric, payable);
        return new Due(List.copyOf(perMetric), total, List.copyOf(perPayer));
    }

    /** Lowers the later metrics first until they sum to at most {@code limit}; answers the sum. */
    private static BigDecimal reduceTo(List<BigDecimal> perMetric, BigDecimal limit) {
        BigDecimal sum = perMetric.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal over = sum.subtract(limit.max(BigDecimal.ZERO));
        for (int i = perMetric.size() - 1; i >= 0 && over.signum() > 0; i--) {
            BigDecimal cut = perMetric.get(i).min(over);
            perMetric.set(i, perMetric.get(i).subtract(cut));
            over = over.subtract(cut);
            sum = sum.subtract(cut);
        }
        return sum;
    }

    private static BigDecimal clamp(BigDecimal value, BigDecimal max) {
        return value.min(max.max(BigDecimal.ZERO)).max(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
    }
}
