package org.kaimen.shared.charts;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns scattered daily points into a gap-free run of columns from the first to the last date.
 * Missing days become zero, because a day without comments is information, not a hole. Spans
 * too long for one column per day are summed per week, month or block of years so that the
 * chart stays readable and its size stays bounded whatever dates arrive.
 */
final class TimeBuckets {

    /** About 1.6 units per column at the default width: the finest that still reads as columns. */
    static final int MAX_BUCKETS = 400;

    enum Granularity { DAY, WEEK, MONTH, YEAR }

    record Bucket(LocalDate start, LocalDate end, BigInteger value) {
    }

    final Granularity granularity;
    /** Only for YEAR: how many calendar years each bucket spans. */
    final long yearsPerBucket;
    final List<Bucket> buckets;

    private TimeBuckets(Granularity granularity, long yearsPerBucket, List<Bucket> buckets) {
        this.granularity = granularity;
        this.yearsPerBucket = yearsPerBucket;
        this.buckets = buckets;
    }

    /** @param points non-empty */
    static TimeBuckets of(List<Point> points) {
        LocalDate first = points.get(0).date();
        LocalDate last = first;
        for (Point p : points) {
            if (p.date().isBefore(first)) {
                first = p.date();
            }
            if (p.date().isAfter(last)) {
                last = p.date();
            }
        }
        long firstDay = first.toEpochDay();
        long lastDay = last.toEpochDay();
        if (lastDay - firstDay + 1 <= MAX_BUCKETS) {
            return build(points, Granularity.DAY, 1, first, last);
        }
        if (week(lastDay) - week(firstDay) + 1 <= MAX_BUCKETS) {
            return build(points, Granularity.WEEK, 1, first, last);
        }
        if (month(last) - month(first) + 1 <= MAX_BUCKETS) {
            return build(points, Granularity.MONTH, 1, first, last);
        }
        long years = (long) last.getYear() - first.getYear() + 1;
        long k = 1;
        // Year blocks follow the same 1-2-5 rhythm as axis ticks so labels read "1990–1999".
        while ((years + k - 1) / k + 1 > MAX_BUCKETS) {
            k = NiceScale.niceAtLeast(BigInteger.valueOf(k + 1)).longValueExact();
        }
        return build(points, Granularity.YEAR, k, first, last);
    }

    private static TimeBuckets build(List<Point> points, Granularity g, long k, LocalDate first, LocalDate last) {
        long firstIndex = index(g, k, first);
        int count = Math.toIntExact(index(g, k, last) - firstIndex + 1);
        BigInteger[] sums = new BigInteger[count];
        java.util.Arrays.fill(sums, BigInteger.ZERO);
        for (Point p : points) {
            int i = Math.toIntExact(index(g, k, p.date()) - firstIndex);
            sums[i] = sums[i].add(BigInteger.valueOf(p.value()));
        }
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long idx = firstIndex + i;
            buckets.add(new Bucket(start(g, k, idx, first), end(g, k, idx, last), sums[i]));
        }
        return new TimeBuckets(g, k, List.copyOf(buckets));
    }

    private static long index(Granularity g, long k, LocalDate d) {
        return switch (g) {
            case DAY -> d.toEpochDay();
            case WEEK -> week(d.toEpochDay());
            case MONTH -> month(d);
            case YEAR -> Math.floorDiv(d.getYear(), k);
        };
    }

    /** Monday-based week number; 1970-01-01 (epoch day 0) was a Thursday. */
    private static long week(long epochDay) {
        return Math.floorDiv(epochDay + 3, 7);
    }

    private static long month(LocalDate d) {
        return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    // Bucket bounds are clamped to the data range: this keeps labels honest for partial weeks or
    // months and avoids constructing dates outside LocalDate's range near LocalDate.MIN/MAX.

    private static LocalDate start(Granularity g, long k, long idx, LocalDate first) {
        return switch (g) {
            case DAY -> LocalDate.ofEpochDay(idx);
            case WEEK -> idx * 7 - 3 <= first.toEpochDay() ? first : LocalDate.ofEpochDay(idx * 7 - 3);
            case MONTH -> idx <= month(first) ? first
                    : YearMonth.of(Math.toIntExact(Math.floorDiv(idx, 12)), Math.floorMod(idx, 12) + 1).atDay(1);
            case YEAR -> idx * k <= first.getYear() ? first : LocalDate.of(Math.toIntExact(idx * k), 1, 1);
        };
    }

    private static LocalDate end(Granularity g, long k, long idx, LocalDate last) {
        return switch (g) {
            case DAY -> LocalDate.ofEpochDay(idx);
            case WEEK -> idx * 7 + 3 >= last.toEpochDay() ? last : LocalDate.ofEpochDay(idx * 7 + 3);
            case MONTH -> idx >= month(last) ? last
                    : YearMonth.of(Math.toIntExact(Math.floorDiv(idx, 12)), Math.floorMod(idx, 12) + 1)
                            .atEndOfMonth();
            case YEAR -> idx * k + k - 1 >= last.getYear() ? last : LocalDate.of(Math.toIntExact(idx * k + k - 1), 12, 31);
        };
    }
}
