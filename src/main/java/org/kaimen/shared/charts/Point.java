package org.kaimen.shared.charts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of {@link SvgCharts#timeSeries}. Several points on the same date are added up.
 *
 * @param date  calendar day
 * @param value non-negative count
 */
public record Point(LocalDate date, long value) {

    public Point {
        Objects.requireNonNull(date, "date");
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
    }
}
