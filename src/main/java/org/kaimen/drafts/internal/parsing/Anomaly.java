package org.kaimen.drafts.internal.parsing;

/**
 * An irregularity found while parsing.
 *
 * @param line    1-based source line the anomaly refers to (0 if it concerns the whole text)
 * @param type    what kind of irregularity
 * @param message English description for logs and import reports
 * @param detail  the offending source text (possibly abbreviated), for showing to the importer
 */
public record Anomaly(int line, AnomalyType type, String message, String detail) {
}
