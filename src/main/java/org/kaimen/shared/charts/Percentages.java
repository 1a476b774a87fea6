package org.kaimen.shared.charts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whole-number percentages that add up to exactly 100 (largest-remainder / Hamilton method).
 * Readers add the legend up in their heads; "33 % + 33 % + 33 %" looks like an error.
 */
final class Percentages {

    private Percentages() {
    }

    /**
     * @return one percentage per value, summing to 100; all zeros when the total is zero.
     *         Ties in the remainder go to the earlier item so the result is deterministic.
     */
    static int[] largestRemainder(List<BigInteger> values) {
        int n = values.size();
        int[] result = new int[n];
        BigInteger total = values.stream().reduce(BigInteger.ZERO, BigInteger::add);
        if (total.signum() == 0) {
            return result;
        }
        BigInteger hundred = BigInteger.valueOf(100);
        BigInteger[] remainders = new BigInteger[n];
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = values.get(i).multiply(hundred).divideAndRemainder(total);
            result[i] = qr[0].intValueExact();
            remainders[i] = qr[1];
            assigned += result[i];
        }
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        // The floors lose less than 1 per item, so at most n-1 items receive one extra point.
        for (int k = 0; k < 100 - assigned; k++) {
            result[order.get(k)]++;
        }
        return result;
    }
}
