package se.utfall.finance.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import se.utfall.finance.domain.PaymentEngine.Due;
import se.utfall.finance.domain.PaymentEngine.MetricPrice;
import se.utfall.finance.domain.PaymentEngine.Paid;
import se.utfall.finance.domain.PaymentEngine.Payer;
import se.utfall.finance.domain.PaymentEngine.RateCard;
import se.utfall.finance.domain.Waterfall.Distribution;
import se.utfall.finance.domain.Waterfall.Position;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment engine and the waterfall on many random contracts and claims (jqwik): whatever the prices, caps,
 * shares and units, a payment never exceeds a cap, the lists always sum exactly to the payment, and the waterfall
 * keeps its order.
 */
class PaymentPropertiesTest {

    private static Arbitrary<BigDecimal> money(long maxOre) {
        return Arbitraries.longs().between(0, maxOre).map(o -> BigDecimal.valueOf(o, 2));
    }

    @Provide
    Arbitrary<RateCard> cards() {
        Arbitrary<MetricPrice> metric = Combinators.combine(money(500_000_00L), money(50_000_000_00L),
                Arbitraries.integers().between(0, 50)).as((price, cap, min) -> new MetricPrice(UUID.randomUUID(),
                price, cap, min == 0 ? null : BigDecimal.valueOf(min)));
        Arbitrary<Payer> payer = Combinators.combine(Arbitraries.integers().between(1, 100), money(80_000_000_00L))
                .as((share, cap) -> new Payer(UUID.randomUUID(), BigDecimal.valueOf(share), cap));
        return Combinators.combine(metric.list().ofMinSize(1).ofMaxSize(20), money(100_000_000_00L),
                payer.list().ofMinSize(1).ofMaxSize(4)).as(RateCard::new);
    }

    @Provide
    Arbitrary<List<BigDecimal>> claims() {
        return Arbitraries.integers().between(0, 100_000).map(BigDecimal::valueOf).list().ofSize(20);
    }

    @Property(tries = 500)
    void aPaymentNeverExceedsACapAndItsListsSumExactly(@ForAll("cards") RateCard card,
            @ForAll("claims") List<BigDecimal> first, @ForAll("claims") List<BigDecimal> second) {
        Paid paid = Paid.nothing(card);
        for (List<BigDecimal> units : List.of(first, second)) {
            Due due = PaymentEngine.due(card, paid, units.subList(0, card.metrics().size()));
            assertThat(sum(due.perMetric())).isEqualByComparingTo(due.total());
            assertThat(sum(due.perPayer())).isEqualByComparingTo(due.total());
            List<BigDecimal> perMetric = new ArrayList<>();
            for (int i = 0; i < card.metrics().size(); i++) {
                BigDecimal after = paid.perMetric().get(i).add(due.perMetric().get(i));
                assertThat(due.perMetric().get(i).signum()).isGreaterThanOrEqualTo(0);
                assertThat(after).isLessThanOrEqualTo(card.metrics().get(i).cap().max(paid.perMetric().get(i)));
                perMetric.add(after);
            }
            List<BigDecimal> perPayer = new ArrayList<>();
            for (int p = 0; p < card.payers().size(); p++) {
                BigDecimal after = paid.perPayer().get(p).add(due.perPayer().get(p));
                assertThat(after).isLessThanOrEqualTo(card.payers().get(p).cap().max(paid.perPayer().get(p)));
                perPayer.add(after);
            }
            BigDecimal total = paid.total().add(due.total());
            assertThat(total).isLessThanOrEqualTo(card.overallCap().max(paid.total()));
            assertThat(due.total().scale()).isEqualTo(2);
            paid = new Paid(perMetric, total, perPayer);
        }
    }

    @Property(tries = 300)
    void unitsBelowAMetricsMinimumPayNothingForIt(@ForAll("cards") RateCard card) {
        List<BigDecimal> units = card.metrics().stream().map(m -> m.minimumUnits() == null ? BigDecimal.ZERO
                : m.minimumUnits().subtract(BigDecimal.ONE)).toList();
        Due due = PaymentEngine.due(card, Paid.nothing(card), units);
        assertThat(due.total()).isEqualByComparingTo("0");
    }

    @Provide
    Arbitrary<List<Position>> positions() {
        Arbitrary<Position> p = Combinators.combine(Arbitraries.of(Tranche.class), money(5_000_000_00L),
                money(1_000_000_00L)).as((t, principal, ret) -> new Position(UUID.randomUUID(), t, principal, ret));
        return p.list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 1000)
    void aDistributionSumsExactlyAndKeepsTheWaterfallsOrder(@ForAll("positions") List<Position> positions,
            @ForAll("payments") BigDecimal payment) {
        Distribution d = Waterfall.distribute(payment, positions);
        assertThat(d.total()).isEqualByComparingTo(payment);
        assertThat(d.toProvider().signum()).isGreaterThanOrEqualTo(0);
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            assertThat(d.principal().get(i)).isLessThanOrEqualTo(p.principalOutstanding());
            assertThat(d.returns().get(i)).isLessThanOrEqualTo(p.returnDue());
            if (p.tranche() == Tranche.GRANT) {
                assertThat(d.principal().get(i).add(d.returns().get(i))).isEqualByComparingTo("0");
            }
        }
        // A later step receives anything only when every earlier one is paid in full.
        List<List<Integer>> steps = new ArrayList<>();
        for (Tranche t : Waterfall.ORDER) {
            steps.add(indices(positions, t));
        }
        boolean earlierFull = true;
        for (List<Integer> step : steps) {
            if (!earlierFull) {
                step.forEach(i -> assertThat(d.principal().get(i)).isEqualByComparingTo("0"));
            }
            earlierFull &= step.stream().allMatch(i -> d.principal().get(i)
                    .compareTo(positions.get(i).principalOutstanding()) == 0);
        }
        if (!earlierFull) {
            d.returns().forEach(r -> assertThat(r).as("no return before all principal").isEqualByComparingTo("0"));
            assertThat(d.toProvider()).isEqualByComparingTo("0");
        }
    }

    @Provide
    Arbitrary<BigDecimal> payments() {
        return money(20_000_000_00L);
    }

    @Property(tries = 500)
    void aSplitSumsExactlyToTheAmount(@ForAll("payments") BigDecimal amount,
            @ForAll("weights") List<Integer> weights) {
        List<BigDecimal> parts = Split.proRata(amount, weights.stream().map(BigDecimal::valueOf).toList());
        assertThat(sum(parts)).isEqualByComparingTo(amount);
        parts.forEach(part -> assertThat(part.signum()).isGreaterThanOrEqualTo(0));
    }

    @Provide
    Arbitrary<List<Integer>> weights() {
        return Arbitraries.integers().between(1, 1000).list().ofMinSize(1).ofMaxSize(12);
    }

    private static List<Integer> indices(List<Position> positions, Tranche t) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).tranche() == t) {
                out.add(i);
            }
        }
        return out;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A version of terms: its number and first day (days after 2027-01-01). */
    record Version(int number, LocalDate from) {
    }

    @Property(tries = 500)
    void aVariationAppliesOnlyFromItsEffectiveDate(@ForAll("offsets") List<Integer> offsets,
            @ForAll("days") int asked) {
        LocalDate start = LocalDate.of(2027, 1, 1);
        List<Version> versions = new ArrayList<>();
        versions.add(new Version(1, start));
        int day = 0;
        for (int i = 0; i < offsets.size(); i++) {
            day += offsets.get(i);
            versions.add(new Version(i + 2, start.plusDays(day)));
        }
        LocalDate on = start.plusDays(asked);
        Version v = ContractVersion.inForce(versions, on, Version::from, Version::number).orElseThrow();
        // In force: effective on or before the day, and no later version is.
        assertThat(v.from()).isBeforeOrEqualTo(on);
        assertThat(versions.stream().filter(x -> x.number() > v.number() && !x.from().isAfter(on))).isEmpty();
        // Before the first version took effect, none is.
        assertThat(ContractVersion.inForce(versions, start.minusDays(1), Version::from, Version::number)).isEmpty();
        // The same day can carry two versions: the later number wins.
        List<Version> sameDay = new ArrayList<>(versions);
        sameDay.add(new Version(versions.size() + 1, v.from()));
        assertThat(ContractVersion.inForce(sameDay, on, Version::from, Version::number).orElseThrow().number())
                .isEqualTo(sameDay.size());
    }

    @Provide
    Arbitrary<List<Integer>> offsets() {
        return Arbitraries.integers().between(0, 200).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 2000);
    }
}
