package se.utfall.finance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where a payment goes, in this order: principal still outstanding to the SENIOR tranche, then SUBORDINATED, then
 * the FIRST_LOSS_GUARANTEE (repaid last, as it bore the loss first); then the return still due under each
 * position's return cap in the same order; whatever remains goes to the provider. Within a step, positions share
 * pro rata to what each is still owed (exact to the öre, {@link Split}). A GRANT is never repaid. The parts always
 * sum exactly to the payment.
 */
public final class Waterfall {
    static final List<Tranche> ORDER = List.of(Tranche.SENIOR, Tranche.SUBORDINATED, Tranche.FIRST_LOSS_GUARANTEE);

    private Waterfall() {
    }

    /** An investor's position: its tranche, principal still outstanding, and return still due up to its cap. */
    public record Position(UUID investorOrgId, Tranche tranche, BigDecimal principalOutstanding,
            BigDecimal returnDue) {
    }

    /** What each position receives (in the positions' order), split into principal and return, and the residual. */
    public record Distribution(List<BigDecimal> principal, List<BigDecimal> returns, BigDecimal toProvider) {
        public BigDecimal total() {
            return principal.stream().reduce(toProvider, BigDecimal::add)
                    .add(returns.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    public static Distribution distribute(BigDecimal payment, List<Position> positions) {
        List<BigDecimal> principal = zeros(positions.size());
        List<BigDecimal> returns = zeros(positions.size());
        BigDecimal left = payment;
        for (Tranche t : ORDER) {
            left = pay(left, positions, t, principal, true);
        }
        for (Tranche t : ORDER) {
            left = pay(left, positions, t, returns, false);
        }
        return new Distribution(principal, returns, left);
    }

    private static BigDecimal pay(BigDecimal left, List<Position> positions, Tranche tranche, List<BigDecimal> into,
            boolean principal) {
        List<Integer> who = new ArrayList<>();
        List<BigDecimal> owed = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            BigDecimal o = principal ? p.principalOutstanding() : p.returnDue();
            if (p.tranche() == tranche && o.signum() > 0) {
                who.add(i);
                owed.add(o);
            }
        }
        BigDecimal step = owed.stream().reduce(BigDecimal.ZERO, BigDecimal::add).min(left);
        if (step.signum() <= 0) {
            return left;
        }
        List<BigDecimal> parts = Split.proRata(step.setScale(2), owed);
        for (int k = 0; k < who.size(); k++) {
            // Pro rata to what is owed never gives a position more than it is owed, to the öre: a part is at most
            // its share rounded up, and its share of at most the sum owed is at most what it is owed.
            BigDecimal part = parts.get(k).min(owed.get(k));
            into.set(who.get(k), into.get(who.get(k)).add(part));
            left = left.subtract(part);
        }
        return left;
    }

    private static List<BigDecimal> zeros(int n) {
        List<BigDecimal> z = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            z.add(BigDecimal.ZERO.setScale(2));
        }
        return z;
    }
}
