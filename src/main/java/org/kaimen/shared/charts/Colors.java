package org.kaimen.shared.charts;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Colour validation and contrast helpers. */
final class Colors {

    /**
     * Hex, rgb()/hsl() with numeric arguments, or a bare keyword. Anything else (url(), var(),
     * expressions) is rejected, so a colour can never smuggle a reference into the document.
     */
    private static final Pattern SAFE = Pattern.compile(
            "#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})"
                    + "|(?:rgba?|hsla?)\\((?:[0-9.,%\\s/+-]|deg){1,80}\\)"
                    + "|[a-zA-Z]{3,20}");

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    private static final Pattern FUNC = Pattern.compile(
            "(rgba?|hsla?)\\(\\s*([-+0-9.]+)(?:deg)?[\\s,]+([-+0-9.]+%?)[\\s,]+([-+0-9.]+%?).*\\)");

    static final String DARK_TEXT = "#1f2328";
    static final String LIGHT_TEXT = "#ffffff";
    private static final double DARK_TEXT_LUMINANCE = 0.0152;

    private Colors() {
    }

    static boolean isSafe(String color) {
        return color != null && SAFE.matcher(color.trim()).matches();
    }

    /**
     * Text colour with the higher contrast on {@code background}, or empty when the colour cannot
     * be parsed (keywords), in which case callers skip in-segment labels instead of guessing.
     */
    static java.util.Optional<String> textOn(String background) {
        OptionalDouble l = luminance(background);
        if (l.isEmpty()) {
            return java.util.Optional.empty();
        }
        double bg = l.getAsDouble();
        double onLight = 1.05 / (bg + 0.05);
        double onDark = (bg + 0.05) / (DARK_TEXT_LUMINANCE + 0.05);
        return java.util.Optional.of(onLight >= onDark ? LIGHT_TEXT : DARK_TEXT);
    }

    static OptionalDouble luminance(String color) {
        String c = color.trim().toLowerCase(Locale.ROOT);
        Matcher hex = HEX.matcher(c);
        if (hex.matches()) {
            String h = hex.group(1);
            if (h.length() <= 4) {
                return OptionalDouble.of(relative(
                        Integer.parseInt(h.substring(0, 1), 16) * 17,
                        Integer.parseInt(h.substring(1, 2), 16) * 17,
                        Integer.parseInt(h.substring(2, 3), 16) * 17));
            }
            return OptionalDouble.of(relative(
                    Integer.parseInt(h.substring(0, 2), 16),
                    Integer.parseInt(h.substring(2, 4), 16),
                    Integer.parseInt(h.substring(4, 6), 16)));
        }
        Matcher f = FUNC.matcher(c);
        if (f.matches()) {
            try {
                if (f.group(1).startsWith("rgb")) {
                    return OptionalDouble.of(relative(channel(f.group(2)), channel(f.group(3)), channel(f.group(4))));
                }
                double h = Double.parseDouble(f.group(2));
                double s = percent(f.group(3));
                double l = percent(f.group(4));
                double[] rgb = hslToRgb(h, s, l);
                return OptionalDouble.of(relative(rgb[0], rgb[1], rgb[2]));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    private static double channel(String v) {
        double d = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1)) * 2.55 : Double.parseDouble(v);
        return Math.max(0, Math.min(255, d));
    }

    private static double percent(String v) {
        String n = v.endsWith("%") ? v.substring(0, v.length() - 1) : v;
        return Math.max(0, Math.min(1, Double.parseDouble(n) / 100.0));
    }

    private static double[] hslToRgb(double h, double s, double l) {
        double hue = ((h % 360) + 360) % 360 / 360.0;
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        double p = 2 * l - q;
        return new double[] {
            255 * hueToRgb(p, q, hue + 1.0 / 3), 255 * hueToRgb(p, q, hue), 255 * hueToRgb(p, q, hue - 1.0 / 3)
        };
    }

    private static double hueToRgb(double p, double q, double t) {
        double x = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        if (x < 1.0 / 6) {
            return p + (q - p) * 6 * x;
        }
        if (x < 0.5) {
            return q;
        }
        if (x < 2.0 / 3) {
            return p + (q - p) * (2.0 / 3 - x) * 6;
        }
        return p;
    }

    /** WCAG 2 relative luminance. */
    private static double relative(double r, double g, double b) {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    private static double linear(double channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
