package org.kaimen.shared.charts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.util.Locale;

/** Number formatting that never yields scientific notation, NaN or locale-dependent coordinates. */
final class Num {

    private Num() {
    }

    /**
     * Coordinates are rounded to hundredths: finer precision is invisible but would make the
     * output longer and expose floating-point noise that differs between expressions.
     */
    static String coord(double v) {
        if (!Double.isFinite(v)) {
            // A non-finite coordinate is a layout bug; failing loudly beats emitting "NaN" into a page.
            throw new IllegalStateException("non-finite coordinate: " + v);
        }
        long hundredths = Math.round(v * 100.0);
        if (hundredths == 0) {
            return "0";
        }
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }

    /** Counts with the locale's grouping; BigInteger because totals may exceed a long. */
    static String count(BigInteger n, Locale locale) {
        NumberFormat f = NumberFormat.getIntegerInstance(locale);
        f.setGroupingUsed(true);
        return f.format(n);
    }

    static String count(long n, Locale locale) {
        return count(BigInteger.valueOf(n), locale);
    }

    /** Ratio a/b in [0, 1] computed without overflowing or losing the magnitude of huge longs. */
    static double ratio(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            return 0.0;
        }
        double r = new BigDecimal(a).divide(new BigDecimal(b), java.math.MathContext.DECIMAL64).doubleValue();
        return Math.max(0.0, Math.min(1.0, r));
    }
}
