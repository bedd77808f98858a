package se.utfall.finance.domain;

import se.utfall.finance.domain.PaymentEngine.Due;
import se.utfall.finance.domain.PaymentEngine.Paid;
import se.utfall.finance.domain.PaymentEngine.RateCard;
import se.utfall.finance.domain.Waterfall.Distribution;
import se.utfall.finance.domain.Waterfall.Position;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One outcome path (low, expected, high) played through a rate card and the waterfall, period by period: what the
 * payers pay, what each position receives (principal, then return up to its cap) and what is left for the
 * provider. Before a contract is signed, every party sees its cash position under each path.
 */
public final class Scenario {
    private Scenario() {
    }

    /** Per position: what it put in, what it got back (principal and return), and the multiple (back ÷ in). */
    public record PositionResult(Position position, BigDecimal committed, BigDecimal principalBack,
            BigDecimal returnBack, BigDecimal multiple) {
    }

    /** A path's outcome: paid per payer, in all, to the provider, and per position. */
    public record Result(List<BigDecimal> perPayer, BigDecimal paid, BigDecimal toProvider,
            List<PositionResult> positions) {
    }

    /**
     * {@code periods}: per period, the verified units per metric in rate-card order. {@code positions}: each with
     * its principal and the return it may earn at most.
     */
    public static Result play(RateCard card, List<Position> positions, List<List<BigDecimal>> periods) {
        Paid paid = Paid.nothing(card);
        List<Position> open = new ArrayList<>(positions);
        List<BigDecimal> principalBack = zeros(positions.size());
        List<BigDecimal> returnBack = zeros(positions.size());
        BigDecimal toProvider = BigDecimal.ZERO.setScale(2);
        for (List<BigDecimal> units : periods) {
            Due due = PaymentEngine.due(card, paid, units);
            paid = new Paid(add(paid.perMetric(), due.perMetric()), paid.total().add(due.total()),
                    add(paid.perPayer(), due.perPayer()));
            Distribution d = Waterfall.distribute(due.total(), open);
            for (int i = 0; i < open.size(); i++) {
                Position p = open.get(i);
                principalBack.set(i, principalBack.get(i).add(d.principal().get(i)));
                returnBack.set(i, returnBack.get(i).add(d.returns().get(i)));
                open.set(i, new Position(p.investorOrgId(), p.tranche(),
                        p.principalOutstanding().subtract(d.principal().get(i)),
                        p.returnDue().subtract(d.returns().get(i))));
            }
            toProvider = toProvider.add(d.toProvider());
        }
        List<PositionResult> results = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            BigDecimal back = principalBack.get(i).add(returnBack.get(i));
            BigDecimal multiple = p.principalOutstanding().signum() == 0 ? null
                    : back.divide(p.principalOutstanding(), 4, RoundingMode.HALF_EVEN);
            results.add(new PositionResult(p, p.principalOutstanding(), principalBack.get(i), returnBack.get(i),
                    multiple));
        }
        return new Result(paid.perPayer(), paid.total(), toProvider, List.copyOf(results));
    }

    private static List<BigDecimal> add(List<BigDecimal> a, List<BigDecimal> b) {
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).add(b.get(i)));
        }
        return out;
    }

    private static List<BigDecimal> zeros(int n) {
        List<BigDecimal> z = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            z.add(BigDecimal.ZERO.setScale(2));
        }
        return z;
    }
}
