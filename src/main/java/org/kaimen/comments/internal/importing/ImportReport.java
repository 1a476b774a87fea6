package org.kaimen.comments.internal.importing;

import java.util.List;

/**
 * What a clerk's file yielded. A file-level problem ({@code fileErrorKey} set) means nothing was imported;
 * otherwise the valid rows can be saved while the rows in {@code errors} are fixed and uploaded again.
 *
 * @param valid        rows that passed every check, in file order
 * @param errors       problems per cell, in file order; a row may have several
 * @param warnings     entries of the form {@code key:argument}, see {@link ImportMessageKey}
 * @param totalRows    non-blank data rows seen (valid rows plus rows with errors), not counting header, title
 *                     and example rows
 * @param fileErrorKey a {@code import.file.*} key from {@link ImportMessageKey}, or {@code null}
 */
public record ImportReport(
        List<ImportedComment> valid,
        List<RowError> errors,
        List<String> warnings,
        int totalRows,
        String fileErrorKey) {

    public ImportReport {
        valid = List.copyOf(valid);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when the file was rejected or at least one row has a problem. */
    public boolean hasErrors() {
        return fileErrorKey != null || !errors.isEmpty();
    }

    static ImportReport fileError(ImportMessageKey key, List<RowError> errors, List<String> warnings, int totalRows) {
        return new ImportReport(List.of(), errors, warnings, totalRows, key.key());
    }

    static ImportReport fileError(ImportMessageKey key) {
        return fileError(key, List.of(), List.of(), 0);
    }
}
