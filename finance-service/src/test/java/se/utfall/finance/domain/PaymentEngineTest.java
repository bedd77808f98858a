package se.utfall.finance.domain;

import org.junit.jupiter.api.Test;
import se.utfall.finance.domain.PaymentEngine.Due;
import se.utfall.finance.domain.PaymentEngine.MetricPrice;
import se.utfall.finance.domain.PaymentEngine.Paid;
import se.utfall.finance.domain.PaymentEngine.Payer;
import se.utfall.finance.domain.PaymentEngine.RateCard;
import se.utfall.finance.domain.Waterfall.Position;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A Ramsjö-sized contract computed by hand. */
class PaymentEngineTest {
    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aClaimPaysUnitsTimesPriceWithinTheCapsAndTheWaterfallPaysSeniorFirst() {
        // 2 metrics: fewer lonely elderly (12 000 SEK each, cap 600 000), fewer acute visits (3 500 each, cap
        // 420 000, at least 10); overall cap 900 000; Ljusdal pays 2/3, Region Gävleborg 1/3 (cap 250 000).
        RateCard card = new RateCard(List.of(
                new MetricPrice(UUID.randomUUID(), d("12000.00"), d("600000.00"), null),
                new MetricPrice(UUID.randomUUID(), d("3500.00"), d("420000.00"), d("10"))),
                d("900000.00"), List.of(new Payer(UUID.randomUUID(), d("2"), d("900000.00")),
                        new Payer(UUID.randomUUID(), d("1"), d("250000.00"))));
        Due first = PaymentEngine.due(card, Paid.nothing(card), List.of(d("20"), d("9")));
        assertThat(first.perMetric()).containsExactly(d("240000.00"), d("0.00"));
        assertThat(first.perPayer()).containsExactly(d("160000.00"), d("80000.00"));
        Paid paid = new Paid(first.perMetric(), first.total(), first.perPayer());
        Due second = PaymentEngine.due(card, paid, List.of(d("40"), d("100")));
        // 40 × 12 000 = 480 000, but only 360 000 left of the metric's cap; 100 × 3 500 = 350 000; the overall cap
        // leaves 660 000, so the later metric is cut to 300 000; Region Gävleborg's third (220 000) is within its
        // cap's 170 000 left only in part: it pays 170 000 and the total becomes 610 000.
        assertThat(second.perPayer()).containsExactly(d("440000.00"), d("170000.00"));
        assertThat(second.total()).isEqualByComparingTo("610000.00");
        assertThat(second.perMetric()).containsExactly(d("360000.00"), d("250000.00"));

        Waterfall.Distribution w = Waterfall.distribute(d("610000.00"), List.of(
                new Position(UUID.randomUUID(), Tranche.FIRST_LOSS_GUARANTEE, d("500000.00"), d("50000.00")),
                new Position(UUID.randomUUID(), Tranche.SENIOR, d("1500000.00"), d("150000.00"))));
        assertThat(w.principal()).containsExactly(d("0.00"), d("610000.00"));
        assertThat(w.toProvider()).isEqualByComparingTo("0");
    }

    @Test
    void aSplitGivesTheLeftOverOreToTheLargestRemaindersThenTheEarlierParts() {
        assertThat(Split.proRata(d("100.00"), List.of(d("1"), d("1"), d("1"))))
                .containsExactly(d("33.34"), d("33.33"), d("33.33"));
        assertThat(Split.proRata(d("0.05"), List.of(d("1"), d("2"))))
                .containsExactly(d("0.02"), d("0.03"));
    }
}
