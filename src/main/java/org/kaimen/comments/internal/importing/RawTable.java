package org.kaimen.comments.internal.importing;

import java.util.List;

/**
 * The non-blank rows of a file as text, before any meaning is given to them.
 *
 * @param rows      non-blank rows in row order
 * @param truncated true when the reader stopped at its row limit and rows were left unread
 * @param warnings  warnings from reading ({@code key:argument})
 */
record RawTable(List<Row> rows, boolean truncated, List<String> warnings) {

    /** Most columns read per row; a comment row needs about ten, anything far beyond is noise or an attack. */
    static final int MAX_COLUMNS = 256;

    RawTable {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * One row.
     *
     * @param number 1-based row number as the clerk sees it
     * @param cells  cell texts by column index, untrimmed; missing cells are empty strings
     */
    record Row(int number, List<String> cells) {

        Row {
            cells = List.copyOf(cells);
        }

        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(Text::isBlank);
        }
    }
}
