package org.kaimen.shared.charts;

import java.util.Objects;

/**
 * One part of {@link SvgCharts#stackedBar}.
 *
 * @param label legend text
 * @param value non-negative count
 * @param color nullable CSS colour; {@code null} or anything that does not look like a plain
 *              colour value falls back to the style's palette
 */
public record Segment(String label, long value, String color) {

    public Segment {
        Objects.requireNonNull(label, "label");
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
    }

    public Segment(String label, long value) {
        this(label, value, null);
    }
}
