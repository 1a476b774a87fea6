/**
 * Server-side SVG charts for Kaimen's consultation statistics.
 *
 * <p>Rendered on the server so pages work without JavaScript and the charts can be cached,
 * printed and read by screen readers (each chart carries a {@code <title>} and a plain-language
 * {@code <desc>}). The package depends on nothing but the JDK so it can be copied between
 * modules unchanged. Entry point: {@link org.kaimen.shared.charts.SvgCharts}.
 */
package org.kaimen.shared.charts;
