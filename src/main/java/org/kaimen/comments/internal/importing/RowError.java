package org.kaimen.comments.internal.importing;

import java.util.Objects;

/**
 * One problem in one cell.
 *
 * @param row        1-based row number as the clerk sees it in Excel (the header is usually row 1); for csv files,
 *                   the record number, which is what Excel shows when it opens the file
 * @param column     the column header as written in the file, so the clerk finds the cell
 * @param messageKey an i18n key from {@link ImportMessageKey}
 * @param value      the offending value as read (shortened to 200 characters), or empty when the cell was empty
 */
public record RowError(int row, String column, String messageKey, String value) {

    public RowError {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(value, "value");
    }
}
