package se.utfall.finance.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount of öre by weights so that the parts always sum exactly to it: each part is its share rounded
 * down to öre, and the öre left over go one each to the parts with the largest remainders (ties: the earlier
 * part). The one rule for every split of money in finance-service.
 */
public final class Split {
    private Split() {
    }

    /** {@code amount} (exact, two decimals, not negative) split by {@code weights} (not negative, some positive). */
    public static List<BigDecimal> proRata(BigDecimal amount, List<BigDecimal> weights) {
        BigInteger ore = amount.movePointRight(2).toBigIntegerExact();
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> parts = new ArrayList<>();
        if (weights.isEmpty()) {
            return parts;
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("no positive weight to split by");
        }
        List<BigInteger> floors = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigInteger given = BigInteger.ZERO;
        for (BigDecimal w : weights) {
            BigDecimal exact = new BigDecimal(ore).multiply(w).divide(sum, 12, RoundingMode.DOWN);
            BigInteger floor = exact.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            floors.add(floor);
            remainders.add(exact.subtract(new BigDecimal(floor)));
            given = given.add(floor);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(remainders::get).reversed()
                .thenComparing(Comparator.naturalOrder()));
        BigInteger left = ore.subtract(given);
        for (int k = 0; left.signum() > 0; k = (k + 1) % order.size()) {
            int i = order.get(k);
            if (weights.get(i).signum() > 0) {
                floors.set(i, floors.get(i).add(BigInteger.ONE));
                left = left.subtract(BigInteger.ONE);
            }
        }
        for (BigInteger f : floors) {
            parts.add(new BigDecimal(f).movePointLeft(2));
        }
        return parts;
    }
}
