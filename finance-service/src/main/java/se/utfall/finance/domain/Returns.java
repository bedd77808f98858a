package se.utfall.finance.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An investor's multiple and internal rate of return, in {@code BigDecimal} only. The IRR is the annual effective
 * rate r at which the cash flows' present value is zero, with time in days / 365 from the first flow (Actual/365,
 * as XIRR); found by bisection on [−99.99 %, 1000 %] to 10⁻⁸ with 34 significant digits, answered as a fraction
 * with 4 decimals (0.1234 = 12.34 %). No IRR when the flows do not change sign or no rate in that range fits.
 */
public final class Returns {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal LN2 = atanhSeries(TWO);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal LOW = new BigDecimal("-0.9999");
    private static final BigDecimal HIGH = BigDecimal.TEN;
    private static final BigDecimal TOLERANCE = new BigDecimal("1E-8");

    private Returns() {
    }

    /** A dated cash flow from the investor's side: negative when it pays, positive when it receives. */
    public record Flow(LocalDate on, BigDecimal amount) {
    }

    /** Received ÷ put in, half-even to 4 decimals; null when nothing was put in. */
    public static BigDecimal multiple(BigDecimal received, BigDecimal putIn) {
        return putIn.signum() == 0 ? null : received.divide(putIn, 4, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal irr(List<Flow> flows) {
        if (flows.isEmpty() || flows.stream().noneMatch(f -> f.amount().signum() > 0)
                || flows.stream().noneMatch(f -> f.amount().signum() < 0)) {
            return null;
        }
        LocalDate start = flows.stream().map(Flow::on).min(LocalDate::compareTo).orElseThrow();
        if (flows.stream().allMatch(f -> f.on().equals(start))) {
            return null; // no time passed: every rate fits or none does
        }
        BigDecimal lo = LOW;
        BigDecimal hi = HIGH;
        BigDecimal atLo = npv(flows, start, lo);
        BigDecimal atHi = npv(flows, start, hi);
        if (atLo.signum() == atHi.signum()) {
            return null;
        }
        while (hi.subtract(lo).compareTo(TOLERANCE) > 0) {
            BigDecimal mid = lo.add(hi).divide(TWO, MC);
            BigDecimal atMid = npv(flows, start, mid);
            if (atMid.signum() == 0) {
                return mid.setScale(4, RoundingMode.HALF_EVEN);
            }
            if (atMid.signum() == atLo.signum()) {
                lo = mid;
                atLo = atMid;
            } else {
                hi = mid;
            }
        }
        return lo.add(hi).divide(TWO, MC).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** Σ amount / (1 + r)^(days / 365). */
    static BigDecimal npv(List<Flow> flows, LocalDate start, BigDecimal rate) {
        BigDecimal lnGrowth = ln(BigDecimal.ONE.add(rate));
        BigDecimal sum = BigDecimal.ZERO;
        for (Flow f : flows) {
            BigDecimal years = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, f.on())).divide(DAYS_PER_YEAR, MC);
            sum = sum.add(f.amount().multiply(exp(years.multiply(lnGrowth, MC).negate()), MC), MC);
        }
        return sum;
    }

    /**
     * ln x for x > 0: x = m · 2^k with m in [0.5, 2), then ln m = 2 · atanh((m − 1) / (m + 1)) (|y| ≤ 1/3: about
     * 35 terms to 10⁻³⁶) plus k · ln 2.
     */
    static BigDecimal ln(BigDecimal x) {
        int k = 0;
        BigDecimal m = x;
        while (m.compareTo(TWO) >= 0) {
            m = m.divide(TWO, MC);
            k++;
        }
        while (m.compareTo(HALF) < 0) {
            m = m.multiply(TWO, MC);
            k--;
        }
        return atanhSeries(m).add(LN2.multiply(BigDecimal.valueOf(k), MC), MC);
    }

    /** 2 · atanh((m − 1) / (m + 1)) = ln m, the series summed until its terms vanish. */
    private static BigDecimal atanhSeries(BigDecimal m) {
        BigDecimal y = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal y2 = y.multiply(y, MC);
        BigDecimal term = y;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; k < 1_000; k += 2) {
            BigDecimal add = term.divide(BigDecimal.valueOf(k), MC);
            if (add.abs().compareTo(BigDecimal.ONE.movePointLeft(36)) < 0) {
                break;
            }
            sum = sum.add(add, MC);
            term = term.multiply(y2, MC);
        }
        return sum.multiply(TWO, MC);
    }

    /** e^x: halved until small, the Taylor series, then squared back. */
    static BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        BigDecimal r = x;
        while (r.abs().compareTo(new BigDecimal("0.01")) > 0) {
            r = r.divide(TWO, MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 60; n++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
            if (term.abs().compareTo(BigDecimal.ONE.movePointLeft(36)) < 0) {
                break;
            }
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }
}
