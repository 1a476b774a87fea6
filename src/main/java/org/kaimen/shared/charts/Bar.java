package org.kaimen.shared.charts;

import java.util.Objects;

/**
 * One row of {@link SvgCharts#horizontalBars}.
 *
 * @param label shown left of the bar; may be long or contain markup-like text, it is escaped
 * @param value non-negative count
 * @param href  nullable; when it is relative or http(s) the row becomes a link, otherwise it is
 *              silently dropped (labels and links come from user-controlled drafts)
 */
public record Bar(String label, long value, String href) {

    public Bar {
        Objects.requireNonNull(label, "label");
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
    }

    public Bar(String label, long value) {
        this(label, value, null);
    }
}
