package org.kaimen.shared.charts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Visual settings shared by all charts.
 *
 * @param width       viewBox width in user units; the SVG itself scales to 100 % of its container
 * @param fontFamily  CSS font stack
 * @param primaryColor colour of single-series bars and columns
 * @param palette     colours for multi-part charts, used in order and repeated when exhausted
 * @param locale      language of generated texts (zh or en, others fall back to en) and number grouping
 */
public record ChartStyle(int width, String fontFamily, String primaryColor, List<String> palette, Locale locale) {

    /** Below this the label, bar and value columns can no longer share a row. */
    public static final int MIN_WIDTH = 200;
    /** Guards against absurd sizes coming from configuration typos. */
    public static final int MAX_WIDTH = 4000;

    public static final String DEFAULT_FONT_FAMILY =
            "\"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif";

    /** A restrained red that reads as "official" without signalling an error state. */
    public static final String DEFAULT_PRIMARY = "hsl(0, 68%, 36%)";

    /**
     * Okabe–Ito colours, reordered so the first four (typically 支持/反对/修改/疑问) are the
     * most distinct under protanopia and deuteranopia; the pale yellow is left out because
     * it has too little contrast against a white page.
     */
    public static final List<String> DEFAULT_PALETTE =
            List.of("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9");

    public ChartStyle {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException(
                    "width must be between " + MIN_WIDTH + " and " + MAX_WIDTH + ": " + width);
        }
        Objects.requireNonNull(fontFamily, "fontFamily");
        if (fontFamily.isBlank()) {
            throw new IllegalArgumentException("fontFamily must not be blank");
        }
        Objects.requireNonNull(primaryColor, "primaryColor");
        if (!Colors.isSafe(primaryColor)) {
            throw new IllegalArgumentException("primaryColor is not a plain CSS colour: " + primaryColor);
        }
        palette = List.copyOf(Objects.requireNonNull(palette, "palette"));
        if (palette.isEmpty()) {
            throw new IllegalArgumentException("palette must not be empty");
        }
        for (String c : palette) {
            if (!Colors.isSafe(c)) {
                throw new IllegalArgumentException("palette entry is not a plain CSS colour: " + c);
            }
        }
        Objects.requireNonNull(locale, "locale");
    }

    /** 720 units wide, Simplified Chinese. */
    public static ChartStyle defaults() {
        return new ChartStyle(720, DEFAULT_FONT_FAMILY, DEFAULT_PRIMARY, DEFAULT_PALETTE, Locale.SIMPLIFIED_CHINESE);
    }

    public ChartStyle withWidth(int newWidth) {
        return new ChartStyle(newWidth, fontFamily, primaryColor, palette, locale);
    }

    public ChartStyle withLocale(Locale newLocale) {
        return new ChartStyle(width, fontFamily, primaryColor, palette, newLocale);
    }
}
