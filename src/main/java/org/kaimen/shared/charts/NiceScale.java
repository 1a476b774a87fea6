package org.kaimen.shared.charts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks at 1, 2 or 5 × 10^n. Works on BigInteger because a day's total may exceed a long,
 * and counts need integer steps (a tick at 0.5 comments is meaningless).
 */
final class NiceScale {

    /** Aim for about five intervals: enough to read values, few enough to stay calm. */
    static final int TARGET_INTERVALS = 5;

    record Ticks(BigInteger step, BigInteger max, List<BigInteger> values) {
    }

    private NiceScale() {
    }

    static Ticks forMax(BigInteger dataMax) {
        if (dataMax.signum() < 0) {
            throw new IllegalArgumentException("negative maximum: " + dataMax);
        }
        BigInteger target = BigInteger.valueOf(TARGET_INTERVALS);
        BigInteger raw = ceilDiv(dataMax.max(BigInteger.ONE), target);
        BigInteger step = niceAtLeast(raw);
        BigInteger max = ceilDiv(dataMax.max(BigInteger.ONE), step).multiply(step);
        List<BigInteger> values = new ArrayList<>();
        for (BigInteger v = BigInteger.ZERO; v.compareTo(max) <= 0; v = v.add(step)) {
            values.add(v);
        }
        return new Ticks(step, max, List.copyOf(values));
    }

    /** Smallest value of the form {1, 2, 5} × 10^n that is ≥ {@code raw} (raw ≥ 1). */
    static BigInteger niceAtLeast(BigInteger raw) {
        BigInteger power = BigInteger.TEN.pow(raw.toString().length() - 1);
        for (int m : new int[] {1, 2, 5, 10}) {
            BigInteger candidate = power.multiply(BigInteger.valueOf(m));
            if (candidate.compareTo(raw) >= 0) {
                return candidate;
            }
        }
        throw new AssertionError("unreachable: 10 × 10^n always exceeds a number with n+1 digits");
    }

    /** True when {@code v} is 1, 2 or 5 followed only by zeros. */
    static boolean isNice(BigInteger v) {
        String s = v.toString();
        return s.matches("[125]0*");
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
