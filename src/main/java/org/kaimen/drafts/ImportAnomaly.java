package org.kaimen.drafts;

/** Something the importer noticed, with the source line: a skipped or repeated number, text that belongs nowhere. */
public record ImportAnomaly(int line, String type, String message) {
}
